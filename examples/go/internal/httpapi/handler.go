// Package httpapi serves a shortener.Store over HTTP with JSON.
package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"example.com/shortener/internal/shortener"
)

// Handler routes:
//
//	POST   /api/links        {"url": "...", "code": "optional"} -> 201 Link
//	GET    /api/links?top=N  the N most followed links
//	GET    /api/links/CODE   the link, without counting a visit
//	DELETE /api/links/CODE   204
//	GET    /CODE             302 to the URL, counting the visit
//	GET    /healthz          200 "ok"
type Handler struct {
	Store *shortener.Store
}

func (h Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	switch {
	case path == "/healthz":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	case path == "/api/links":
		h.links(w, r)
	case strings.HasPrefix(path, "/api/links/"):
		h.link(w, r, strings.TrimPrefix(path, "/api/links/"))
	case r.Method == http.MethodGet && len(path) > 1 && !strings.Contains(path[1:], "/"):
		h.redirect(w, r, path[1:])
	default:
		writeError(w, http.StatusNotFound, "not found")
	}
}

func (h Handler) links(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPost:
		var req struct {
			URL  string `json:"url"`
			Code string `json:"code"`
		}
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 8<<10))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			writeError(w, http.StatusBadRequest, "invalid JSON: "+err.Error())
			return
		}
		l, err := h.Store.Shorten(req.URL, req.Code)
		switch {
		case errors.Is(err, shortener.ErrCodeTaken):
			writeError(w, http.StatusConflict, err.Error())
		case err != nil:
			writeError(w, http.StatusBadRequest, err.Error())
		default:
			writeJSON(w, http.StatusCreated, l)
		}
	case http.MethodGet:
		n := 10
		if v := r.URL.Query().Get("top"); v != "" {
			k, err := strconv.Atoi(v)
			if err != nil || k < 0 {
				writeError(w, http.StatusBadRequest, "top must be a number >= 0")
				return
			}
			n = k
		}
		writeJSON(w, http.StatusOK, h.Store.Top(n))
	default:
		w.Header().Set("Allow", "GET, POST")
		writeError(w, http.StatusMethodNotAllowed, "method not allowed")
	}
}

func (h Handler) link(w http.ResponseWriter, r *http.Request, code string) {
	switch r.Method {
	case http.MethodGet:
		l, err := h.Store.Get(code)
		if err != nil {
			writeError(w, http.StatusNotFound, err.Error())
			return
		}
		writeJSON(w, http.StatusOK, l)
	case http.MethodDelete:
		if err := h.Store.Delete(code); err != nil {
			writeError(w, http.StatusNotFound, err.Error())
			return
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		w.Header().Set("Allow", "GET, DELETE")
		writeError(w, http.StatusMethodNotAllowed, "method not allowed")
	}
}

func (h Handler) redirect(w http.ResponseWriter, r *http.Request, code string) {
	l, err := h.Store.Follow(code)
	if err != nil {
		writeError(w, http.StatusNotFound, err.Error())
		return
	}
	http.Redirect(w, r, l.URL, http.StatusFound)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
