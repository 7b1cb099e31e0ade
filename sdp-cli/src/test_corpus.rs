//! The shared SDP corpus (`../shared/corpus` beside the workspace) for the library tests.

use std::path::{Path, PathBuf};

/// The corpus root, or `None` (with the reason printed) when this checkout has no corpus.
pub(crate) fn root() -> Option<PathBuf> {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus"));
    if root.join("valid").is_dir() {
        Some(root.to_path_buf())
    } else {
        println!(
            "skipped: no SDP corpus at {} (it lives beside the workspace, in shared/corpus)",
            root.display()
        );
        None
    }
}

/// Every `.sdp` file under `dir` (recursively), sorted, with its bytes.
pub(crate) fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "sdp") {
                let bytes = std::fs::read(&path).unwrap();
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}
