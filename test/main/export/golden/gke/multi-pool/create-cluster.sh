#!/bin/sh
# the same cluster with gcloud
set -eu

# create the cluster; its first pool "general" is named default-pool by gcloud
gcloud container clusters create shop-dev \
  --project=team-a-prod \
  --location=europe-west1 \
  --release-channel=regular \
  --cluster-version=1.36 \
  --network=default \
  --enable-ip-alias \
  --cluster-ipv4-cidr=10.244.0.0/16 \
  --services-ipv4-cidr=10.96.0.0/20 \
  --default-max-pods-per-node=110 \
  --enable-dataplane-v2 \
  --labels=slipway-cluster=shop-dev \
  --num-nodes=1 \
  --machine-type=e2-standard-4 \
  --node-labels=tier=general \
  --enable-autoupgrade \
  --enable-autorepair

# add node pool "gpu"
gcloud container node-pools create gpu \
  --cluster=shop-dev \
  --project=team-a-prod \
  --location=europe-west1 \
  --num-nodes=1 \
  --machine-type=e2-standard-8 \
  --node-labels=example.com/accelerator=nvidia \
  --node-taints=nvidia.com/gpu=true:NoSchedule \
  --enable-autoupgrade \
  --enable-autorepair

# add node pool "batch"
gcloud container node-pools create batch \
  --cluster=shop-dev \
  --project=team-a-prod \
  --location=europe-west1 \
  --num-nodes=1 \
  --machine-type=e2-standard-2 \
  --node-labels=tier=batch \
  --node-taints=example.com/batch:PreferNoSchedule \
  --enable-autoupgrade \
  --enable-autorepair
