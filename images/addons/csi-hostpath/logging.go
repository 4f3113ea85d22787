package main

import (
	"context"
	"log"

	"google.golang.org/grpc"
)

// verbosity is the --v flag every personality accepts, like the klog-based upstream images.
var verbosity int

func logf(level int, format string, args ...any) {
	if level <= verbosity {
		log.Printf(format, args...)
	}
}

// logCalls logs each CSI call at --v=4 and each failed one always; requests are not logged
// because they may carry secrets (CSI marks them, but a stand-in need not parse that).
func logCalls(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	logf(4, "call %s", info.FullMethod)
	resp, err := handler(ctx, req)
	if err != nil {
		log.Printf("%s failed: %v", info.FullMethod, err)
	}
	return resp, err
}
