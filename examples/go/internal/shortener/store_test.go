package shortener

import (
	"errors"
	"testing"
)

func TestShortenIssuesDistinctCodes(t *testing.T) {
	s := NewStore(6)
	seen := map[string]bool{}
	for i := 0; i < 200; i++ {
		l, err := s.Shorten("https://example.org/a", "")
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Code) != 6 || seen[l.Code] {
			t.Fatalf("bad or repeated code %q", l.Code)
		}
		seen[l.Code] = true
	}
}

func TestCustomCodeIsKeptAndNotReused(t *testing.T) {
	s := NewStore(6)
	if _, err := s.Shorten("http://example.org", "docs"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Shorten("http://example.net", "docs"); !errors.Is(err, ErrCodeTaken) {
		t.Fatalf("want ErrCodeTaken, got %v", err)
	}
}

func TestRejectsBadInput(t *testing.T) {
	s := NewStore(6)
	for _, tc := range []struct{ url, code string }{
		{"ftp://example.org", ""},
		{"example.org", ""},
		{"https://", ""},
		{"https://example.org", "a b"},
		{"https://example.org", "ab"},
	} {
		if _, err := s.Shorten(tc.url, tc.code); err == nil {
			t.Errorf("Shorten(%q, %q) accepted", tc.url, tc.code)
		}
	}
}

func TestFollowCountsAndTopOrders(t *testing.T) {
	s := NewStore(6)
	for _, c := range []string{"aaa", "bbb", "ccc"} {
		if _, err := s.Shorten("https://example.org/"+c, c); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []string{"bbb", "ccc", "bbb"} {
		if _, err := s.Follow(c); err != nil {
			t.Fatal(err)
		}
	}
	top := s.Top(2)
	if len(top) != 2 || top[0].Code != "bbb" || top[0].Hits != 2 || top[1].Code != "ccc" {
		t.Fatalf("unexpected top: %+v", top)
	}
	if _, err := s.Follow("zzz"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("want ErrNotFound, got %v", err)
	}
}

func TestDelete(t *testing.T) {
	s := NewStore(6)
	if _, err := s.Shorten("https://example.org", "gone"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete("gone"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get("gone"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("want ErrNotFound, got %v", err)
	}
}
