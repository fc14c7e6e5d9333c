//! The system's file dialogs, as tasks that give the chosen path (`None`: cancelled).

use std::path::PathBuf;

use iced::Task;

use super::style::t;

/// "Choose a folder", titled with the translation of `title_key`.
pub fn folder<M: Send + 'static>(
    title_key: &str,
    then: impl FnOnce(Option<PathBuf>) -> M + Send + 'static,
) -> Task<M> {
    let title = t(title_key);
    Task::perform(
        async move {
            rfd::AsyncFileDialog::new()
                .set_title(title)
                .pick_folder()
                .await
                .map(|f| f.path().to_path_buf())
        },
        then,
    )
}

/// "Save as" for an HTML report, proposing `file_name`.
pub fn save_html<M: Send + 'static>(
    file_name: &'static str,
    then: impl FnOnce(Option<PathBuf>) -> M + Send + 'static,
) -> Task<M> {
    let (title, filter) = (t("gui-review-report-dialog"), t("gui-review-report-filter"));
    Task::perform(
        async move {
            rfd::AsyncFileDialog::new()
                .set_title(title)
                .add_filter(filter, &["html", "htm"])
                .set_file_name(file_name)
                .save_file()
                .await
                .map(|f| f.path().to_path_buf())
        },
        then,
    )
}
