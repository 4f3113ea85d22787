// Kubernetes versions as read from a node image's /kind/version (v1.34.4, v1.37.0-rc.1).

export interface KubeVersion {
  major: number;
  minor: number;
  patch: number;
  /** The text as given, e.g. v1.37.0-rc.1. */
  raw: string;
}

const pattern = /^v?(\d+)\.(\d+)\.(\d+)([-+][0-9A-Za-z.+-]*)?$/;

/** Parse a version, or undefined when the text is not one. */
export function parseKubeVersion(text: string): KubeVersion | undefined {
  const match = pattern.exec(text.trim());
  if (!match) return undefined;
  const [, major = '', minor = '', patch = ''] = match;
  return { major: Number(major), minor: Number(minor), patch: Number(patch), raw: text.trim() };
}

/** True when the version is 1.minor or newer. */
export function atLeastMinor(version: KubeVersion, minor: number): boolean {
  return version.major > 1 || (version.major === 1 && version.minor >= minor);
}
