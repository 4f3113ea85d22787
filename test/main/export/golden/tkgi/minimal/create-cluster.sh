#!/bin/sh
# tkgi commands that create the cluster
set -eu

# create the cluster on plan small
tkgi create-cluster minimal \
  --external-hostname shop-dev.k8s.example.com \
  --plan small \
  --num-nodes 2 \
  --wait
