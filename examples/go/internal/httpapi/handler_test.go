package httpapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"example.com/shortener/internal/shortener"
)

func do(t *testing.T, h http.Handler, method, target, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestCreateFollowAndList(t *testing.T) {
	h := Handler{Store: shortener.NewStore(6)}
	rec := do(t, h, http.MethodPost, "/api/links", `{"url":"https://example.org/x","code":"ex"}`)
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("two-letter code: status %d", rec.Code)
	}
	rec = do(t, h, http.MethodPost, "/api/links", `{"url":"https://example.org/x","code":"exa"}`)
	if rec.Code != http.StatusCreated {
		t.Fatalf("create: status %d: %s", rec.Code, rec.Body)
	}
	rec = do(t, h, http.MethodGet, "/exa", "")
	if rec.Code != http.StatusFound || rec.Header().Get("Location") != "https://example.org/x" {
		t.Fatalf("redirect: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	rec = do(t, h, http.MethodGet, "/api/links?top=1", "")
	var links []shortener.Link
	if err := json.Unmarshal(rec.Body.Bytes(), &links); err != nil {
		t.Fatal(err)
	}
	if len(links) != 1 || links[0].Hits != 1 {
		t.Fatalf("top: %+v", links)
	}
}

func TestErrors(t *testing.T) {
	h := Handler{Store: shortener.NewStore(6)}
	cases := []struct {
		method, target, body string
		status               int
	}{
		{http.MethodPost, "/api/links", `{"url":`, http.StatusBadRequest},
		{http.MethodPost, "/api/links", `{"url":"https://a.example","extra":1}`, http.StatusBadRequest},
		{http.MethodPut, "/api/links", ``, http.StatusMethodNotAllowed},
		{http.MethodGet, "/api/links?top=-1", ``, http.StatusBadRequest},
		{http.MethodGet, "/api/links/none", ``, http.StatusNotFound},
		{http.MethodDelete, "/api/links/none", ``, http.StatusNotFound},
		{http.MethodGet, "/none", ``, http.StatusNotFound},
		{http.MethodGet, "/a/b", ``, http.StatusNotFound},
	}
	for _, c := range cases {
		if rec := do(t, h, c.method, c.target, c.body); rec.Code != c.status {
			t.Errorf("%s %s: status %d, want %d", c.method, c.target, rec.Code, c.status)
		}
	}
}

func TestHealth(t *testing.T) {
	rec := do(t, Handler{Store: shortener.NewStore(6)}, http.MethodGet, "/healthz", "")
	if rec.Code != http.StatusOK || rec.Body.String() != "ok\n" {
		t.Fatalf("healthz: %d %q", rec.Code, rec.Body)
	}
}
