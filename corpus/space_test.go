package corpus

import (
	"strings"
	"testing"
)

func TestFoldSpace(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"already folded", "Ann Lee said so.", "Ann Lee said so."},
		{"empty", "", ""},
		{"only space", " \t ", ""},
		{"leading and trailing", "  Ann Lee ", "Ann Lee"},
		{"double space", "Ann  Lee", "Ann Lee"},
		{"tab", "Ann\tLee", "Ann Lee"},
		{"no-break space", "Ann\u00a0Lee", "Ann Lee"},
		{"non-ASCII letters kept", "Peña Nieto", "Peña Nieto"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := foldSpace(tt.in); got != tt.want {
				t.Errorf("foldSpace(%q) = %q; want %q", tt.in, got, tt.want)
			}
			if want := strings.Join(strings.Fields(tt.in), " "); tt.want != want {
				t.Errorf("case %q: want %q, but strings.Fields gives %q", tt.name, tt.want, want)
			}
		})
	}
}
