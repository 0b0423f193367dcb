// Package shortener keeps short codes for long URLs.
package shortener

import (
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"strings"
	"sync"
	"time"
)

// ErrNotFound is returned for a code that was never issued or has been deleted.
var ErrNotFound = errors.New("no such code")

// ErrCodeTaken is returned when a custom code is already in use.
var ErrCodeTaken = errors.New("code already in use")

const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// Link is one shortened URL and how often it was followed.
type Link struct {
	Code    string    `json:"code"`
	URL     string    `json:"url"`
	Created time.Time `json:"created"`
	Hits    int       `json:"hits"`
}

// Store is a concurrency-safe, in-memory set of links.
type Store struct {
	mu      sync.Mutex
	links   map[string]*Link
	codeLen int
	now     func() time.Time
}

// NewStore returns an empty store issuing codes of codeLen characters.
func NewStore(codeLen int) *Store {
	if codeLen < 4 {
		codeLen = 4
	}
	return &Store{links: map[string]*Link{}, codeLen: codeLen, now: time.Now}
}

// ValidateURL accepts absolute http and https URLs with a host.
func ValidateURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("not a URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("scheme %q not allowed, use http or https", u.Scheme)
	}
	if u.Host == "" {
		return "", errors.New("the URL has no host")
	}
	return u.String(), nil
}

// ValidateCode accepts 3 to 32 letters, digits, '-' and '_'.
func ValidateCode(code string) error {
	if len(code) < 3 || len(code) > 32 {
		return errors.New("a code has 3 to 32 characters")
	}
	for _, r := range code {
		ok := r == '-' || r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
		if !ok {
			return fmt.Errorf("character %q not allowed in a code", r)
		}
	}
	return nil
}

// Shorten stores rawURL under code, or under a new random code when code is empty.
func (s *Store) Shorten(rawURL, code string) (Link, error) {
	target, err := ValidateURL(rawURL)
	if err != nil {
		return Link{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if code != "" {
		if err := ValidateCode(code); err != nil {
			return Link{}, err
		}
		if _, taken := s.links[code]; taken {
			return Link{}, ErrCodeTaken
		}
	} else {
		for code == "" || s.links[code] != nil {
			if code, err = randomCode(s.codeLen); err != nil {
				return Link{}, err
			}
		}
	}
	l := &Link{Code: code, URL: target, Created: s.now().UTC()}
	s.links[code] = l
	return *l, nil
}

// Follow returns the link of code and counts the visit.
func (s *Store) Follow(code string) (Link, error) {
	return s.lookup(code, true)
}

// Get returns the link of code without counting a visit.
func (s *Store) Get(code string) (Link, error) {
	return s.lookup(code, false)
}

func (s *Store) lookup(code string, visit bool) (Link, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.links[code]
	if !ok {
		return Link{}, ErrNotFound
	}
	if visit {
		l.Hits++
	}
	return *l, nil
}

// Delete removes code.
func (s *Store) Delete(code string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.links[code]; !ok {
		return ErrNotFound
	}
	delete(s.links, code)
	return nil
}

// Top returns up to n links, most followed first, ties by code.
func (s *Store) Top(n int) []Link {
	s.mu.Lock()
	out := make([]Link, 0, len(s.links))
	for _, l := range s.links {
		out = append(out, *l)
	}
	s.mu.Unlock()
	sortLinks(out)
	if n >= 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

func sortLinks(ls []Link) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && less(ls[j], ls[j-1]); j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}

func less(a, b Link) bool {
	if a.Hits != b.Hits {
		return a.Hits > b.Hits
	}
	return a.Code < b.Code
}

func randomCode(n int) (string, error) {
	var b strings.Builder
	max := big.NewInt(int64(len(alphabet)))
	for i := 0; i < n; i++ {
		k, err := rand.Int(rand.Reader, max)
		if err != nil {
			return "", err
		}
		b.WriteByte(alphabet[k.Int64()])
	}
	return b.String(), nil
}
