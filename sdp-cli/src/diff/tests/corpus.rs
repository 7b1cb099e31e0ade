//! The shared corpus (`../shared/corpus` beside the project root) and generated inputs: a
//! session is identical to itself however it is written, and no pair of inputs makes the diff,
//! its rendering or its JSON fail. Skipped, with a printed reason, when the corpus is absent.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::*;

fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    dir.join("MANIFEST.tsv").is_file().then_some(dir)
}

/// Every `.sdp` file under `dir`, sorted, with its text (non-UTF-8 files are skipped: the diff
/// takes parsed sessions).
fn sdp_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "sdp") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    files.push((path, text));
                }
            }
        }
    }
    files.sort();
    files
}

/// Rendering and JSON of any diff succeed.
fn check_outputs(d: &Diff) {
    let mut out = Vec::new();
    render_human(d, "a", "b", &mut out).unwrap();
    assert_eq!(out.is_empty(), d.is_empty());
    serde_json::to_string(d).unwrap();
}

#[test]
fn every_valid_corpus_file_is_identical_to_itself_in_any_spelling() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: no corpus at ../shared/corpus");
        return;
    };
    let files = sdp_files(&dir.join("valid"));
    assert!(files.len() > 400, "{} files", files.len());
    let options = DiffOptions::default();
    let mut parsed = 0;
    for (path, text) in &files {
        let Ok(a) = Session::parse(text) else {
            continue;
        };
        parsed += 1;
        let name = path.display();
        let same = diff(&a, &a, &options);
        assert!(same.is_empty(), "{name}: {:#?}", same.changes);

        // Other line endings.
        let lf = text.replace("\r\n", "\n");
        let other = if lf == *text {
            lf.replace('\n', "\r\n")
        } else {
            lf
        };
        let b = Session::parse(&other).unwrap();
        let d = diff(&a, &b, &options);
        assert!(d.is_empty(), "{name} (line endings): {:#?}", d.changes);

        // The canonical spelling (spacing, case of tokens, CRLF): the same meaning.
        let mut canonical = a.clone();
        canonical.normalize();
        let text = canonical.to_string();
        let b = Session::parse(&text).unwrap();
        let d = diff(&a, &b, &options);
        assert!(d.is_empty(), "{name} (normalized): {:#?}", d.changes);
    }
    assert!(parsed > 400, "only {parsed} files parse");
}

#[test]
fn diff_of_neighbouring_corpus_files_never_fails() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: no corpus at ../shared/corpus");
        return;
    };
    // The invalid files that parse leniently too: the worst inputs the diff will meet.
    let files = sdp_files(&dir);
    let sessions: Vec<Session<'_>> = files
        .iter()
        .filter_map(|(_, text)| Session::parse(text).ok())
        .collect();
    let options = DiffOptions::default();
    let mut differing = 0;
    for pair in sessions.windows(2) {
        let [a, b] = pair else { continue };
        let d = diff(a, b, &options);
        differing += usize::from(!d.is_empty());
        check_outputs(&d);
        check_outputs(&diff(b, a, &options));
        assert!(diff(b, b, &options).is_empty());
    }
    assert!(differing > sessions.len() / 2);
}

/// The lines of `text` with the attribute lines of each level in the order `orders` gives
/// (one permutation of indexes per level, session first), other lines in place before them.
fn shuffle_attributes(text: &str, orders: &[Vec<usize>]) -> String {
    let mut levels: Vec<(Vec<&str>, Vec<&str>)> = vec![(Vec::new(), Vec::new())];
    for line in text.lines() {
        if line.starts_with("m=") {
            levels.push((Vec::new(), Vec::new()));
        }
        if let Some(level) = levels.last_mut() {
            if line.starts_with("a=") {
                level.1.push(line);
            } else {
                level.0.push(line);
            }
        }
    }
    let mut out = String::new();
    for (i, (other, attributes)) in levels.iter().enumerate() {
        for line in other {
            out.push_str(line);
            out.push('\n');
        }
        let order = orders.get(i).cloned().unwrap_or_default();
        for j in order {
            out.push_str(attributes[j]);
            out.push('\n');
        }
    }
    out
}

/// A permutation of the attribute lines of each level of the Chrome offer.
fn chrome_permutations() -> impl Strategy<Value = Vec<Vec<usize>>> {
    let counts: Vec<usize> = shuffle_counts(&CHROME);
    counts
        .into_iter()
        .map(|n| Just((0..n).collect::<Vec<_>>()).prop_shuffle())
        .collect::<Vec<_>>()
}

fn shuffle_counts(text: &str) -> Vec<usize> {
    let mut counts = vec![0];
    for line in text.lines() {
        if line.starts_with("m=") {
            counts.push(0);
        }
        if line.starts_with("a=") {
            if let Some(n) = counts.last_mut() {
                *n += 1;
            }
        }
    }
    counts
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// In the Chrome offer no attribute order carries meaning (one of each single-valued
    /// attribute per level): any order is the same session.
    #[test]
    fn chrome_offer_with_attributes_in_any_order_is_the_same(orders in chrome_permutations()) {
        let b = shuffle_attributes(&CHROME, &orders);
        let d = diff_text(&CHROME, &b);
        prop_assert!(d.is_empty(), "{:#?}", d.changes);
    }

    /// Dropping any lines gives a session the diff handles: identical to itself, and every
    /// difference to the original renders.
    #[test]
    fn chrome_offer_with_lines_dropped_never_fails(keep in proptest::collection::vec(any::<bool>(), 200)) {
        let b: String = CHROME
            .lines()
            .zip(keep.iter().chain(std::iter::repeat(&true)))
            .filter(|(_, keep)| **keep)
            .map(|(l, _)| format!("{l}\n"))
            .collect();
        let Ok(sb) = Session::parse(&b) else { return Ok(()) };
        let sa = parse(&CHROME);
        let options = DiffOptions::default();
        prop_assert!(diff(&sb, &sb, &options).is_empty());
        check_outputs(&diff(&sa, &sb, &options));
        check_outputs(&diff(&sb, &sa, &options));
    }
}
