//! Work off the UI thread: a job runs on its own thread and its results come back to iced as a
//! stream (progress) or a future (one result).

use iced::futures::channel::{mpsc, oneshot};
use iced::futures::Stream;

/// Where a streaming job sends its events; sending fails once the UI stopped listening (the
/// task was aborted), which the job takes as a request to stop.
pub type Sender<T> = mpsc::UnboundedSender<T>;

/// Runs `job` on a new thread, started when the stream is first polled, and streams what it
/// sends. The stream ends when the job returns.
pub fn stream<T, F>(job: F) -> impl Stream<Item = T>
where
    T: Send + 'static,
    F: FnOnce(Sender<T>) + Send + 'static,
{
    use iced::futures::StreamExt;
    let (sender, receiver) = mpsc::unbounded();
    let start = iced::futures::stream::once(async move {
        spawn(move || job(sender));
        None
    })
    .filter_map(std::future::ready);
    start.chain(receiver)
}

/// Runs `job` on a new thread once the future is first polled; the future gives its result, or
/// `None` if the thread died.
pub async fn blocking<T, F>(job: F) -> Option<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (sender, receiver) = oneshot::channel();
    spawn(move || {
        let _ = sender.send(job());
    });
    receiver.await.ok()
}

/// Collects a stream's items (tests).
#[cfg(test)]
pub fn collect<T>(stream: impl Stream<Item = T>) -> Vec<T> {
    use iced::futures::StreamExt;
    iced::futures::executor::block_on(stream.collect())
}

fn spawn(job: impl FnOnce() + Send + 'static) {
    // If the system refuses a thread the job's channel is dropped and the UI sees the work end.
    let _ = std::thread::Builder::new()
        .name(String::from("photoveil-work"))
        .spawn(job);
}
