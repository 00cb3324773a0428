package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"explainer/generator/internal/serve"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	opt := serve.Options{Log: stderr}
	fs.StringVar(&opt.Addr, "addr", "127.0.0.1:1313", "the `host:port` to listen on; the default is reachable from this computer only")
	fs.StringVar(&opt.Content, "content", "content", "the content `folder`")
	fs.StringVar(&opt.Templates, "templates", "templates", "the templates `folder`")
	fs.BoolVar(&opt.Drafts, "drafts", false, "show pages marked draft: true")
	rest, code, ok := flags(fs, args, stderr)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "generator serve: unexpected argument %q\n", rest[0])
		return 2
	}
	if host, _, err := net.SplitHostPort(opt.Addr); err != nil {
		fmt.Fprintf(stderr, "generator serve: -addr %q must be host:port, such as 127.0.0.1:1313\n", opt.Addr)
		return 2
	} else if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(stderr, "note: -addr %s is reachable from other computers; they can read drafts too\n", opt.Addr)
	}
	s, err := serve.New(opt)
	if err != nil {
		fmt.Fprintf(stderr, "generator serve: %v\n", err)
		return 1
	}
	defer s.Close()
	fmt.Fprintf(stdout, "serving the site at %s (press Ctrl-C to stop)\n", s.URL())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := s.Serve(ctx); err != nil {
		fmt.Fprintf(stderr, "generator serve: %v\n", err)
		return 1
	}
	return 0
}
