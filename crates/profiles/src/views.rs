//! Saved views: a profile's named search, filters, sort and columns ("Finance monthly"), kept in
//! one file, `views.json`, beside the profiles, so the app saves them and
//! `phone-roster export --view NAME` writes exactly what the app shows for them.
//!
//! The file holds no secret but names cost centers and people searched for: it is written like
//! the profiles file (atomic, the user's alone) and a file that cannot be read is reported, never
//! overwritten, so a damaged file's views can still be recovered by hand.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use roster::{Column, ViewSpec};
use serde::{Deserialize, Serialize};

use crate::json_file::{self, ReadError};
use crate::{ProfileError, metadata, private_file};

const FILE_NAME: &str = "views.json";
/// A name the picker can show on one line; a longer one is refused in words.
pub const MAX_VIEW_NAME_CHARS: usize = 100;
const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SavedView {
    /// Unique within the profile, ignoring case; saved trimmed.
    pub name: String,
    pub spec: ViewSpec,
    /// The table's columns in their order, which an export of the view writes.
    pub columns: Vec<Column>,
}

/// The file's shape: each profile's views in the order they were first saved.
#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    profiles: BTreeMap<String, Vec<SavedView>>,
}

/// The saved views of every profile of a `ProfileStore` (its `saved_views()`).
#[derive(Debug, Clone)]
pub struct SavedViews {
    dir: PathBuf,
}

impl SavedViews {
    pub(crate) fn at(dir: &Path) -> Self {
        SavedViews {
            dir: dir.to_path_buf(),
        }
    }

    /// The profile's views, in the order they were first saved; none when nothing was saved yet.
    pub fn list(&self, profile: &str) -> Result<Vec<SavedView>, ProfileError> {
        Ok(load(&self.dir)?
            .profiles
            .remove(profile)
            .unwrap_or_default())
    }

    /// The profile's view named `name`, ignoring case and surrounding spaces.
    pub fn get(&self, profile: &str, name: &str) -> Result<Option<SavedView>, ProfileError> {
        let name = name.trim();
        Ok(self
            .list(profile)?
            .into_iter()
            .find(|view| same_name(&view.name, name)))
    }

    /// Saves `view` under its trimmed name, replacing (in its place) a view whose name differs only
    /// in case; a new name goes last.
    pub fn save(&self, profile: &str, mut view: SavedView) -> Result<(), ProfileError> {
        view.name = view.name.trim().to_owned();
        if view.name.is_empty() {
            return Err(ProfileError::ViewNameEmpty);
        }
        if view.name.chars().count() > MAX_VIEW_NAME_CHARS {
            return Err(ProfileError::ViewNameTooLong {
                max: MAX_VIEW_NAME_CHARS,
            });
        }
        self.change(|file| {
            let views = file.profiles.entry(profile.to_owned()).or_default();
            match views.iter_mut().find(|v| same_name(&v.name, &view.name)) {
                Some(existing) => *existing = view,
                None => views.push(view),
            }
            true
        })
    }

    /// Removes the profile's view named `name` (ignoring case); `false` when there was none.
    pub fn remove(&self, profile: &str, name: &str) -> Result<bool, ProfileError> {
        let name = name.trim();
        let mut removed = false;
        self.change(|file| {
            if let Some(views) = file.profiles.get_mut(profile) {
                let before = views.len();
                views.retain(|view| !same_name(&view.name, name));
                removed = views.len() < before;
                if views.is_empty() {
                    file.profiles.remove(profile);
                }
            }
            removed
        })?;
        Ok(removed)
    }

    /// Reads, changes and writes the file under the profiles' lock, so the app and the CLI saving
    /// at once both keep their change. `change` answers whether there is anything to write.
    fn change(&self, change: impl FnOnce(&mut File) -> bool) -> Result<(), ProfileError> {
        let _lock = metadata::lock(&self.dir)?;
        let mut file = load(&self.dir)?;
        if change(&mut file) {
            save(&self.dir, &file)?;
        }
        Ok(())
    }
}

/// Removes every view of `profile`; the caller holds the profiles' lock (see `ProfileStore`).
pub(crate) fn remove_profile_locked(dir: &Path, profile: &str) -> Result<(), ProfileError> {
    let mut file = load(dir)?;
    if file.profiles.remove(profile).is_some() {
        save(dir, &file)?;
    }
    Ok(())
}

fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

fn load(dir: &Path) -> Result<File, ProfileError> {
    let path = dir.join(FILE_NAME);
    match json_file::read::<File>(&path, VERSION, |file| file.version) {
        Ok(file) => Ok(file.unwrap_or(File {
            version: VERSION,
            profiles: BTreeMap::new(),
        })),
        Err(ReadError::Io(source)) => Err(ProfileError::ViewsRead { path, source }),
        Err(ReadError::Damaged(detail)) => Err(ProfileError::ViewsDamaged { path, detail }),
    }
}

fn save(dir: &Path, file: &File) -> Result<(), ProfileError> {
    let path = dir.join(FILE_NAME);
    let json = serde_json::to_vec_pretty(file).map_err(|error| ProfileError::ViewsWrite {
        path: path.clone(),
        source: io::Error::other(error),
    })?;
    private_file::write(&path, &json).map_err(|source| ProfileError::ViewsWrite { path, source })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Cloud, Profile, ProfileStore};
    use roster::{Filters, SortKey};

    fn view(name: &str, cost_center: &str) -> SavedView {
        SavedView {
            name: name.into(),
            spec: ViewSpec {
                search: String::new(),
                filters: Filters {
                    cost_center: vec![cost_center.into()],
                    ..Default::default()
                },
                sort: vec![SortKey {
                    column: Column::Name,
                    descending: false,
                }],
            },
            columns: vec![Column::Name, Column::CostCenter],
        }
    }

    fn names(views: &[SavedView]) -> Vec<&str> {
        views.iter().map(|v| v.name.as_str()).collect()
    }

    #[test]
    fn views_are_kept_per_profile_in_one_file_and_replaced_by_name_ignoring_case() {
        let dir = tempfile::tempdir().unwrap();
        let views = ProfileStore::at(dir.path()).saved_views();
        assert!(views.list("Prod").unwrap().is_empty(), "no file yet");
        views
            .save("Prod", view("  Finance monthly ", "4100"))
            .unwrap();
        views.save("Prod", view("Austin", "4200")).unwrap();
        views.save("Test", view("Finance monthly", "9")).unwrap();
        views.save("Prod", view("FINANCE MONTHLY", "4300")).unwrap();
        let prod = views.list("Prod").unwrap();
        assert_eq!(names(&prod), ["FINANCE MONTHLY", "Austin"]);
        assert_eq!(prod[0].spec.filters.cost_center, ["4300"]);
        assert_eq!(names(&views.list("Test").unwrap()), ["Finance monthly"]);
        let found = views.get("Prod", "finance Monthly").unwrap().unwrap();
        assert_eq!(found, prod[0]);
        assert!(views.get("Prod", "nope").unwrap().is_none());

        let text = std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["version"], 1);
        assert_eq!(json["profiles"]["Prod"][1]["name"], "Austin");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(FILE_NAME))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "{mode:o}");
        }

        assert!(views.remove("Prod", "austin").unwrap());
        assert!(!views.remove("Prod", "austin").unwrap());
        assert_eq!(names(&views.list("Prod").unwrap()), ["FINANCE MONTHLY"]);
    }

    #[test]
    fn a_blank_name_is_refused_in_words() {
        let dir = tempfile::tempdir().unwrap();
        let views = ProfileStore::at(dir.path()).saved_views();
        let error = views.save("Prod", view("   ", "1")).unwrap_err();
        assert!(error.to_string().contains("name"), "{error}");
        assert!(!dir.path().join(FILE_NAME).exists());
    }

    #[test]
    fn a_name_longer_than_the_picker_shows_is_refused_in_words() {
        let dir = tempfile::tempdir().unwrap();
        let views = ProfileStore::at(dir.path()).saved_views();
        let longest = "v".repeat(MAX_VIEW_NAME_CHARS);
        views.save("Prod", view(&longest, "1")).unwrap();
        let error = views
            .save("Prod", view(&format!("{longest}v"), "1"))
            .unwrap_err();
        assert!(
            matches!(
                error,
                ProfileError::ViewNameTooLong {
                    max: MAX_VIEW_NAME_CHARS
                }
            ),
            "{error:?}"
        );
        assert!(error.to_string().contains("100 characters"), "{error}");
        assert_eq!(names(&views.list("Prod").unwrap()), [longest.as_str()]);
    }

    #[test]
    fn a_damaged_file_is_named_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        std::fs::write(&file, "{ not json").unwrap();
        let views = ProfileStore::at(dir.path()).saved_views();
        let message = views.list("Prod").unwrap_err().to_string();
        assert!(message.contains(FILE_NAME), "{message}");
        assert!(views.save("Prod", view("A", "1")).is_err());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "{ not json");
    }

    #[test]
    fn removing_a_profile_removes_its_views() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::at(dir.path()).with_keychain_service("phone-roster-test-unused");
        // Without a secret, saving touches only the profiles file (no keychain needed here).
        store
            .save(&Profile::new("Prod", "acc", "cli", Cloud::Zoom), None)
            .unwrap();
        let views = store.saved_views();
        views.save("Prod", view("A", "1")).unwrap();
        views.save("Other", view("B", "2")).unwrap();
        // What `ProfileStore::delete` does last, once the secret and the entry are gone (the
        // keychain tests delete whole profiles; this one needs no Secret Service).
        remove_profile_locked(dir.path(), "Prod").unwrap();
        assert!(views.list("Prod").unwrap().is_empty());
        assert_eq!(names(&views.list("Other").unwrap()), ["B"]);
    }
}
