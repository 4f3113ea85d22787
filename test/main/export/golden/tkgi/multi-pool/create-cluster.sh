#!/bin/sh
# tkgi commands that create the cluster
set -eu

# create the compute profile (needs pks.clusters.admin; skip if it already exists)
tkgi create-compute-profile compute-profile.json

# create the cluster on plan small
tkgi create-cluster shop-dev \
  --external-hostname shop-dev.k8s.example.com \
  --plan small \
  --compute-profile shop-dev-profile \
  --wait
