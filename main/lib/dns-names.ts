// Kubernetes' DNS-1123 name shapes (RFC 1123 labels and subdomains), for cluster, pool, add-on
// and namespace names wherever they are checked. Lengths are checked by each caller, whose
// limits differ (a namespace 63, a cluster 32).

/** One label: lower-case letters, digits and '-', alphanumeric at both ends (unanchored). */
export const DNS1123_LABEL_PART = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
/** Labels joined by dots (unanchored). */
export const DNS1123_SUBDOMAIN_PART = `${DNS1123_LABEL_PART}(\\.${DNS1123_LABEL_PART})*`;

/** A whole DNS-1123 label. */
export const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_PART}$`);
/** A whole DNS-1123 subdomain. */
export const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_PART}$`);
