package main

// The components this daprd can load, registered the way dapr's cmd/daprd/components/*.go do (each file there is
// one init() behind `//go:build allcomponents || stablecomponents`).
//
// What Cadence's local sidecars load: scripts/fleet/stack.ts writes one pubsub.kafka component (plus resiliency,
// configuration and declarative subscriptions, which are not component types) for both `npm run fleet` and the
// real-stack tests; the Jobs API talks to the Scheduler and needs no component. mdns is the name resolver
// self-hosted mode uses by default. The two local secret stores have no dependencies beyond the standard library
// and let a local component read `secretKeyRef`s as the cluster's do.
//
// Not here on purpose: state.postgresql, pubsub.redis and secretstores.kubernetes (dapr-components/ and the Helm
// chart; the cluster runs the official daprd image, and `dapr run -f dapr-components/local/dapr.yaml` runs the
// Dapr CLI's own daprd). A component of a type not registered here stops daprd at startup with
// "couldn't find <kind> <type>/<version>"; add its registration below (copied from the same dapr version's
// cmd/daprd/components/<kind>_<name>.go) rather than building with -tags stablecomponents again.

import (
	mdns "github.com/dapr/components-contrib/nameresolution/mdns"
	"github.com/dapr/components-contrib/pubsub/kafka"
	"github.com/dapr/components-contrib/secretstores/local/env"
	"github.com/dapr/components-contrib/secretstores/local/file"
	nrLoader "github.com/dapr/dapr/pkg/components/nameresolution"
	pubsubLoader "github.com/dapr/dapr/pkg/components/pubsub"
	secretstoresLoader "github.com/dapr/dapr/pkg/components/secretstores"
)

func init() {
	pubsubLoader.DefaultRegistry.RegisterComponent(kafka.NewKafka, "kafka")
	nrLoader.DefaultRegistry.RegisterComponent(mdns.NewResolver, "mdns")
	secretstoresLoader.DefaultRegistry.RegisterComponent(file.NewLocalSecretStore, "local.file")
	secretstoresLoader.DefaultRegistry.RegisterComponent(env.NewEnvSecretStore, "local.env")
}
