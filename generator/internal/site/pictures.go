package site

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"explainer/generator/internal/markdown"
	"explainer/generator/internal/picture"
)

// PicturePath is the folder, below the base URL, of the published
// picture files.
const PicturePath = "assets/pictures/"

// Picture is a picture file that a page of the site shows.
type Picture struct {
	// Name is the file in the content folder (pictures/tariffs.png).
	Name string
	// Out is the file published, below the base URL
	// (assets/pictures/tariffs.0123456789.png).
	Out string
	sum [sha256.Size]byte
}

// pictures are the picture files the pages of one build show, each read
// once however many pages show it, on every core at once. A rebuild
// (Options.Reuse) does not read again a file whose size and time have not
// changed.
type pictures struct {
	fsys fs.FS
	dir  string              // the content folder, for messages
	url  func(string) string // Site.URL
	prev *pictures           // the last build's, or nil

	mu     sync.Mutex
	byName map[string]*pictureFile
}

// pictureFile is one picture file as a build found it.
type pictureFile struct {
	once sync.Once
	size int64 // with mod, what the file was when read; -1 if not read
	mod  time.Time
	shown
	sum [sha256.Size]byte
}

// shown is what a page's HTML holds of a picture: an entry's body may be
// kept from the last build only if this has not changed for any of its
// pictures.
type shown struct {
	pic markdown.Picture
	out string // Picture.Out, "" on error
	err string // why the picture cannot be shown, or ""
}

func newPictures(fsys fs.FS, dir string, url func(string) string, prev *pictures) *pictures {
	return &pictures{fsys: fsys, dir: dir, url: url, prev: prev, byName: make(map[string]*pictureFile)}
}

// get returns the file name (pictures/x.png), read on the first call.
func (ps *pictures) get(name string) *pictureFile {
	ps.mu.Lock()
	f := ps.byName[name]
	if f == nil {
		f = new(pictureFile)
		ps.byName[name] = f
	}
	ps.mu.Unlock()
	f.once.Do(func() { ps.read(name, f) })
	return f
}

// read reads the file name into f, or takes it from the last build if it
// has the same size and time.
func (ps *pictures) read(name string, f *pictureFile) {
	f.size = -1
	st, err := fs.Stat(ps.fsys, name)
	if err == nil && st.Mode().IsRegular() {
		f.size, f.mod = st.Size(), st.ModTime()
		if old := ps.prev.known(name); old != nil && old.size == f.size && old.mod.Equal(f.mod) {
			f.shown, f.sum = old.shown, old.sum
			return
		}
	}
	info, _, err := picture.Read(ps.fsys, name)
	if errors.Is(err, picture.ErrMissing) {
		f.err = "there is no file " + path.Join(ps.dir, name)
		return
	}
	if err != nil {
		f.err = err.Error()
		return
	}
	f.sum = info.Sum
	f.out = PicturePath + picture.HashedName(name, info.Sum)
	f.pic = markdown.Picture{URL: ps.url(f.out), Width: info.Width, Height: info.Height}
}

// known returns the file name if ps read it without error, or nil.
func (ps *pictures) known(name string) *pictureFile {
	if ps == nil {
		return nil
	}
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if f := ps.byName[name]; f != nil && f.size >= 0 && f.err == "" {
		return f
	}
	return nil
}

// picture is what the markdown converter calls for each image of a body.
func (ps *pictures) picture(name string) (markdown.Picture, error) {
	f := ps.get(name)
	if f.err != "" {
		return markdown.Picture{}, errors.New(f.err)
	}
	return f.pic, nil
}

// unchanged reports whether the pictures of a body kept from the last
// build, names, are shown as they were.
func (ps *pictures) unchanged(names []string) bool {
	for _, n := range names {
		old := ps.prev.known(n)
		if old == nil || ps.get(n).shown != old.shown {
			return false
		}
	}
	return true
}

// list returns the pictures shown without error, one for each file
// published, by Out.
func (ps *pictures) list() []Picture {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	var out []Picture
	for name, f := range ps.byName {
		if f.out != "" {
			out = append(out, Picture{Name: name, Out: f.out, sum: f.sum})
		}
	}
	slices.SortFunc(out, func(a, b Picture) int {
		return cmp.Or(strings.Compare(a.Out, b.Out), strings.Compare(a.Name, b.Name))
	})
	// Two files of the same name and content (in two subfolders) are
	// published once.
	return slices.CompactFunc(out, func(a, b Picture) bool { return a.Out == b.Out })
}

// Pictures lists the picture files the site's pages show, one for each
// file to publish.
func (s *Site) Pictures() []Picture { return s.pics.list() }

// ReadPicture reads a picture file to publish. It is an error for the file
// to have changed since the pages were made with it.
func (s *Site) ReadPicture(p Picture) ([]byte, error) {
	shown := path.Join(s.pics.dir, p.Name)
	data, err := fs.ReadFile(s.pics.fsys, p.Name)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the picture: %v", shown, err)
	}
	if sha256.Sum256(data) != p.sum {
		return nil, fmt.Errorf("%s: the picture changed during the build; build again", shown)
	}
	return data, nil
}
