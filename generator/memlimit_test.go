package main

import "testing"

func TestMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		env   string
		limit int64
		set   bool
	}{
		{"", 200 << 20, true},
		{"off", 0, false},
		{"1GiB", 0, false},
	} {
		limit, set := memoryLimit(func(k string) string {
			if k == "GOMEMLIMIT" {
				return c.env
			}
			return ""
		})
		if limit != c.limit || set != c.set {
			t.Errorf("GOMEMLIMIT=%q: limit %d, set %v; want %d, %v", c.env, limit, set, c.limit, c.set)
		}
	}
}
