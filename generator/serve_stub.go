package main
import "io"
func cmdServe(args []string, stdout, stderr io.Writer) int { return 2 }
