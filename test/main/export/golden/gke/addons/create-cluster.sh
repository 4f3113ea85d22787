#!/bin/sh
# the same cluster with gcloud
set -eu

# create the cluster; its first pool "edge" is named default-pool by gcloud
gcloud container clusters create web-dev \
  --project=team-a-prod \
  --location=europe-west1 \
  --release-channel=regular \
  --cluster-version=1.37 \
  --network=default \
  --enable-ip-alias \
  --cluster-ipv4-cidr=10.244.0.0/16 \
  --services-ipv4-cidr=10.96.0.0/16 \
  --default-max-pods-per-node=110 \
  --enable-dataplane-v2 \
  --gateway-api=standard \
  --addons=HttpLoadBalancing,GcePersistentDiskCsiDriver \
  --labels=slipway-cluster=web-dev \
  --num-nodes=1 \
  --node-labels=ingress-ready=true \
  --enable-autoupgrade \
  --enable-autorepair

# add node pool "workers"
gcloud container node-pools create workers \
  --cluster=web-dev \
  --project=team-a-prod \
  --location=europe-west1 \
  --num-nodes=1 \
  --enable-autoupgrade \
  --enable-autorepair
