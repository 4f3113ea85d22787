#!/bin/sh
# the same cluster with gcloud
set -eu

# create the cluster; its first pool "workers" is named default-pool by gcloud
gcloud container clusters create minimal \
  --project=team-a-prod \
  --location=europe-west1 \
  --release-channel=regular \
  --network=default \
  --enable-ip-alias \
  --cluster-ipv4-cidr=10.244.0.0/16 \
  --services-ipv4-cidr=10.96.0.0/16 \
  --default-max-pods-per-node=110 \
  --enable-dataplane-v2 \
  --labels=slipway-cluster=minimal \
  --num-nodes=1 \
  --enable-autoupgrade \
  --enable-autorepair
