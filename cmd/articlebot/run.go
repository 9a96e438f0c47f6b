package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"articlebot/corpus"
)

const usage = `articlebot answers questions about news articles with cited passages.

Usage:
  articlebot [serve]   [--corpus PATH] [--index PATH] [--env FILE]
  articlebot ask       [--corpus PATH] [--index PATH] [--limit N] [--json] [QUESTION…]
  articlebot quotes    [--corpus PATH] [--speaker NAME] [--json]
  articlebot speakers  [--corpus PATH] [--json]

Without --corpus (or ARTICLEBOT_CORPUS) the embedded November 2016 article on
Trump, Putin and U.S.–Russia relations is used. Settings come from the
environment and from .env; see .env.example.
`

// usageError is a command line the program cannot run; its message (if any)
// is printed before the exit with code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCode(err error) int {
	if errors.As(err, new(usageError)) {
		return 2
	}
	return 1
}

// env gives the program its view of the environment: the process
// environment over the values of a .env file.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// run is the whole program: main only adds the process's context, arguments,
// environment and streams.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	name := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	switch name {
	case "serve":
		return runServe(ctx, e, args)
	case "ask":
		return runAsk(ctx, e, args)
	case "quotes":
		return runQuotes(ctx, e, args)
	case "speakers":
		return runSpeakers(ctx, e, args)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return usageError{fmt.Sprintf("unknown command %q", name)}
	}
}

// commonFlags are the settings every subcommand takes; a flag given on the
// command line wins over the environment and .env.
type commonFlags struct {
	corpus  string
	index   string
	envFile string
}

func newFlagSet(name string, e env, c *commonFlags, withIndex bool) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&c.corpus, "corpus", "", "article file or folder of .txt/.md articles (default: ARTICLEBOT_CORPUS, else the embedded article)")
	if withIndex {
		fs.StringVar(&c.index, "index", "", "folder of an on-disk search index, reused while the corpus is unchanged (default: ARTICLEBOT_INDEX, else in memory)")
	}
	fs.StringVar(&c.envFile, "env", ".env", "file of settings read before the environment; a missing file is fine")
	return fs
}

// parseFlags parses args and turns flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return usageError{}
		}
		return usageError{err.Error()}
	}
	return nil
}

// setup loads the configuration once, applies the command line over it, and
// makes the logger.
func setup(e env, c commonFlags) (Config, *slog.Logger, error) {
	cfg, err := LoadConfig(e.getenv, c.envFile)
	if err != nil {
		return Config{}, nil, err
	}
	if c.corpus != "" {
		cfg.CorpusPath = c.corpus
	}
	if c.index != "" {
		cfg.IndexPath = c.index
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	return cfg, log, nil
}

// noArgs rejects positional arguments for a subcommand that takes none.
func noArgs(fs *flag.FlagSet, hint string) error {
	if fs.NArg() == 0 {
		return nil
	}
	return usageError{fmt.Sprintf("%s takes no arguments, got %q%s", fs.Name(), fs.Arg(0), hint)}
}

// setupCorpus is setup followed by loadCorpus: what every subcommand that
// reads the articles does first.
func setupCorpus(e env, c commonFlags) (Config, *slog.Logger, *corpus.Corpus, error) {
	cfg, log, err := setup(e, c)
	if err != nil {
		return Config{}, nil, nil, err
	}
	corp, err := loadCorpus(cfg, log)
	if err != nil {
		return Config{}, nil, nil, err
	}
	return cfg, log, corp, nil
}

// loadCorpus loads the configured corpus, or the embedded article.
func loadCorpus(cfg Config, log *slog.Logger) (*corpus.Corpus, error) {
	if cfg.CorpusPath == "" {
		return corpus.Default(), nil
	}
	c, err := corpus.Load(cfg.CorpusPath, func(err error) {
		log.Warn("skipped a file of the corpus", slog.Any("err", err))
	})
	if err != nil {
		return nil, err
	}
	log.Debug("corpus loaded", slog.String("path", cfg.CorpusPath), slog.Int("articles", len(c.Articles)))
	return c, nil
}
