// The node label that carries a Slipway pool name through a kind config, so an export and a
// later import give back the same pools.
export const KIND_POOL_LABEL = 'slipway.dev/pool';
export const INGRESS_READY_LABEL = 'ingress-ready';
