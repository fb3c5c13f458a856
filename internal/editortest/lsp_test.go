package editortest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// client speaks JSON-RPC 2.0 with Content-Length framing to a language
// server's standard input and output.
type client struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	mu     sync.Mutex // guards the fields below and writes to stdin
	nextID int
	calls  map[int]chan response
	// diags receives every textDocument/publishDiagnostics notification.
	diags    chan publishDiagnostics
	settings map[string]any // configuration sections the server may ask for
	done     chan struct{}
	readErr  error
}

type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

type response struct {
	result json.RawMessage
	err    *rpcError
}

type position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start position `json:"start"`
	End   position `json:"end"`
}

type diagnostic struct {
	Range    lspRange `json:"range"`
	Severity int      `json:"severity"`
	Message  string   `json:"message"`
}

type publishDiagnostics struct {
	URI         string       `json:"uri"`
	Version     int          `json:"version"`
	Diagnostics []diagnostic `json:"diagnostics"`
}

type completionItem struct {
	Label         string          `json:"label"`
	Documentation json.RawMessage `json:"documentation"`
	Kind          int             `json:"kind"`
}

// start runs the server command and reads its messages until it exits.
func start(ctx context.Context, settings map[string]any, name string, args ...string) (*client, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &client{cmd: cmd, stdin: stdin, calls: map[int]chan response{}, diags: make(chan publishDiagnostics, 64), settings: settings, done: make(chan struct{})}
	go func() {
		defer close(c.done)
		c.readErr = c.read(bufio.NewReader(stdout))
		if s := stderr.String(); s != "" {
			c.readErr = fmt.Errorf("%v; server's standard error: %s", c.readErr, s)
		}
	}()
	return c, nil
}

func (c *client) read(r *bufio.Reader) error {
	for {
		body, err := readFrame(r)
		if err != nil {
			return err
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			return fmt.Errorf("server sent bad JSON: %w", err)
		}
		switch {
		case m.Method != "" && m.ID != nil:
			c.answer(m)
		case m.Method == "textDocument/publishDiagnostics":
			var p publishDiagnostics
			if err := json.Unmarshal(m.Params, &p); err != nil {
				return err
			}
			c.diags <- p
		case m.Method == "":
			id, _ := strconv.Atoi(string(m.ID))
			c.mu.Lock()
			ch := c.calls[id]
			delete(c.calls, id)
			c.mu.Unlock()
			if ch != nil {
				ch <- response{m.Result, m.Error}
			}
		}
	}
}

// readFrame reads one message's body after its headers.
func readFrame(r *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			if length, err = strconv.Atoi(v); err != nil {
				return nil, fmt.Errorf("bad header %q", line)
			}
		}
	}
	if length < 0 {
		return nil, fmt.Errorf("message without Content-Length")
	}
	body := make([]byte, length)
	_, err := io.ReadFull(r, body)
	return body, err
}

// answer replies to a request from the server: its configuration, and
// an empty success for anything else (capability registrations).
func (c *client) answer(m message) {
	var result any
	if m.Method == "workspace/configuration" {
		var p struct {
			Items []struct {
				Section string `json:"section"`
			} `json:"items"`
		}
		json.Unmarshal(m.Params, &p)
		all := make([]any, len(p.Items))
		for i, item := range p.Items {
			all[i] = c.settings[item.Section]
		}
		result = all
	}
	c.send(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": result})
}

func (c *client) send(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err = fmt.Fprintf(c.stdin, "Content-Length: %d\r\n\r\n%s", len(body), body)
	return err
}

func (c *client) notify(method string, params any) error {
	return c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// call sends a request and decodes its result into out.
func (c *client) call(ctx context.Context, method string, params, out any) error {
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan response, 1)
	c.calls[id] = ch
	c.mu.Unlock()
	if err := c.send(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params}); err != nil {
		return err
	}
	select {
	case r := <-ch:
		if r.err != nil {
			return fmt.Errorf("%s: %s", method, r.err.Message)
		}
		if out == nil {
			return nil
		}
		return json.Unmarshal(r.result, out)
	case <-c.done:
		return fmt.Errorf("%s: server stopped: %v", method, c.readErr)
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// diagnostics waits for the diagnostics of the document uri and returns
// the last ones the server publishes before it has been quiet for quiet.
// The server may validate a document more than once (when it opens, and
// again when its settings arrive), so the first list need not be the last.
func (c *client) diagnostics(ctx context.Context, uri string, quiet time.Duration) ([]diagnostic, error) {
	var last []diagnostic
	got := false
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		select {
		case p := <-c.diags:
			if p.URI == uri {
				last, got = p.Diagnostics, true
				timer.Reset(quiet)
			}
		case <-timer.C:
			return last, nil
		case <-c.done:
			return nil, fmt.Errorf("server stopped: %v", c.readErr)
		case <-ctx.Done():
			if got {
				return last, nil
			}
			return nil, fmt.Errorf("no diagnostics for %s: %w", uri, ctx.Err())
		}
	}
}

// close asks the server to shut down and exit, and waits for it.
func (c *client) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if c.call(ctx, "shutdown", nil, nil) == nil {
		c.notify("exit", nil)
	}
	c.stdin.Close()
	select {
	case <-c.done:
	case <-ctx.Done():
		c.cmd.Process.Kill()
	}
	c.cmd.Wait()
}
