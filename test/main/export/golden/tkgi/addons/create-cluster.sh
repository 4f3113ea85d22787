#!/bin/sh
# tkgi commands that create the cluster
set -eu

# create the compute profile (needs pks.clusters.admin; skip if it already exists)
tkgi create-compute-profile compute-profile.json

# create the cluster on plan small
tkgi create-cluster web-dev \
  --external-hostname shop-dev.k8s.example.com \
  --plan small \
  --compute-profile web-dev-profile \
  --wait

# fetch a kubeconfig for the new cluster
tkgi get-credentials web-dev

# make vSphere CSI the default storage (csi-hostpath add-on)
kubectl apply -f storageclass.yaml
