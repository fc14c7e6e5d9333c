//! Running per-photo work on all cores while reporting results in the order of the input.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::controller::Controller;

/// How many photos to work on at once: one per core, at most 8 (each may hold a large photo in
/// memory several times).
pub fn default_workers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
}

/// Calls `work` on every item with `workers` threads and hands each result to `emit` in input
/// order, as soon as it and all before it are done. Stops starting new items once `controller`
/// is cancelled; returns how many items were emitted.
pub fn run_ordered<T, R, W, E>(
    items: &[T],
    workers: usize,
    controller: &Controller,
    work: W,
    mut emit: E,
) -> usize
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    E: FnMut(usize, R),
{
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel::<(usize, R)>();
    let mut emitted = 0;
    std::thread::scope(|scope| {
        for _ in 0..workers.max(1) {
            let sender = sender.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || loop {
                if controller.is_cancelled() {
                    break;
                }
                let index = next.fetch_add(1, Ordering::SeqCst);
                let Some(item) = items.get(index) else { break };
                if sender.send((index, work(item))).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        let mut waiting = BTreeMap::new();
        for (index, result) in receiver {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&emitted) {
                emit(emitted, result);
                emitted += 1;
            }
        }
    });
    emitted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order() {
        let items: Vec<u64> = (0..50).collect();
        let mut seen = Vec::new();
        let n = run_ordered(
            &items,
            4,
            &Controller::new(),
            |&i| {
                std::thread::sleep(std::time::Duration::from_micros((50 - i) * 20));
                i * 2
            },
            |index, r| seen.push((index, r)),
        );
        assert_eq!(n, 50);
        assert_eq!(
            seen,
            (0..50).map(|i| (i as usize, i * 2)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn cancelling_stops_new_work() {
        let items: Vec<u32> = (0..1000).collect();
        let controller = Controller::new();
        let started = AtomicUsize::new(0);
        run_ordered(
            &items,
            2,
            &controller,
            |_| {
                if started.fetch_add(1, Ordering::SeqCst) == 10 {
                    controller.cancel();
                }
            },
            |_, _| {},
        );
        assert!(started.load(Ordering::SeqCst) < 20);
    }
}
