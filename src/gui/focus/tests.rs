//! The focus wrapper in a headless window: Tab order, Enter/Space/arrows, the drawn ring, a
//! click taking the ring away.

use super::harness::{key_pressed_with, Window, SIZE};
use super::*;
use iced::keyboard::Modifiers;
use iced::widget::{button, column, text};
use iced::Point;

#[derive(Debug, Clone, PartialEq)]
enum M {
    First,
    Last,
    Stepped(Step),
}

fn view<'a>() -> Element<'a, M> {
    column![
        button(text("First")).on_activate(M::First),
        button(text("Disabled")).on_activate_maybe(None),
        focusable(text("A stepper"), None).on_step(M::Stepped),
        button(text("Last")).on_activate(M::Last),
    ]
    .spacing(30)
    .padding(40)
    .into()
}

fn enter() -> Key {
    Key::Named(Named::Enter)
}

#[test]
fn tab_walks_the_controls_in_order_and_enter_or_space_activates_the_focused_one() {
    let mut w = Window::new();
    let (focused, count) = w.focus(view());
    assert_eq!((focused, count), (None, 4));
    assert!(w.press(view(), enter()).is_empty(), "nothing focused yet");

    w.tab(view(), false);
    let first = w.focus(view()).0.expect("Tab focuses the first control");
    assert_eq!(w.press(view(), enter()), [M::First]);
    assert_eq!(w.press(view(), Key::Named(Named::Space)), [M::First]);
    assert!(w.press(view(), Key::Named(Named::ArrowRight)).is_empty());

    w.tab(view(), false);
    let disabled = w
        .focus(view())
        .0
        .expect("a disabled button is still reached");
    assert!(
        disabled.y > first.y,
        "reading order: {first:?} then {disabled:?}"
    );
    assert!(
        w.press(view(), enter()).is_empty(),
        "a disabled button does nothing"
    );

    w.tab(view(), false);
    assert_eq!(
        w.press(view(), Key::Named(Named::ArrowRight)),
        [M::Stepped(Step::Forward)]
    );
    assert_eq!(
        w.press(view(), Key::Named(Named::ArrowUp)),
        [M::Stepped(Step::Back)]
    );
    assert!(w.press(view(), enter()).is_empty());

    w.tab(view(), false);
    assert_eq!(w.press(view(), enter()), [M::Last]);
    // Shift+Tab goes back one.
    w.tab(view(), true);
    assert_eq!(
        w.press(view(), Key::Named(Named::ArrowDown)),
        [M::Stepped(Step::Forward)]
    );
}

#[test]
fn shortcuts_with_ctrl_or_alt_are_left_to_the_app() {
    let mut w = Window::new();
    w.tab(view(), false);
    for modifiers in [Modifiers::CTRL, Modifiers::ALT] {
        let sent = w.send(view(), &[key_pressed_with(enter(), modifiers)]);
        assert!(sent.is_empty(), "{modifiers:?}+Enter activated the button");
    }
}

fn pixel(rgba: &[u8], x: f32, y: f32) -> [u8; 3] {
    let (x, y) = (x.round() as usize, y.round() as usize);
    let at = (y * SIZE.width as usize + x) * 4;
    [rgba[at], rgba[at + 1], rgba[at + 2]]
}

fn close(a: [u8; 3], b: Color) -> bool {
    let b = b.into_rgba8();
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 12)
}

#[test]
fn the_focused_control_has_a_ring_in_the_text_colour_and_the_others_have_none() {
    for theme in [Theme::Light, Theme::Dark] {
        let mut w = Window::new();
        let plain = w.screenshot(view(), &theme);
        w.tab(view(), false);
        let bounds = w.focus(view()).0.expect("focused");
        let ringed = w.screenshot(view(), &theme);
        // Just outside the button, in the middle of the ring's width, on all four sides.
        let off = RING_GAP + RING_WIDTH / 2.0;
        let centre = bounds.center();
        let sides = [
            (centre.x, bounds.y - off),
            (centre.x, bounds.y + bounds.height + off),
            (bounds.x - off, centre.y),
            (bounds.x + bounds.width + off, centre.y),
        ];
        let background = theme.extended_palette().background.base.color;
        for (x, y) in sides {
            assert!(
                close(pixel(&ringed, x, y), ring_colour(&theme)),
                "{theme:?}: no ring at ({x}, {y}): {:?}",
                pixel(&ringed, x, y)
            );
            assert!(
                close(pixel(&plain, x, y), background),
                "{theme:?}: something drawn at ({x}, {y}) before focus"
            );
        }
        // The second button has no ring.
        w.tab(view(), false);
        let second = w.focus(view()).0.expect("focused");
        let moved = w.screenshot(view(), &theme);
        let (x, y) = (centre.x, bounds.y - off);
        assert!(
            close(pixel(&moved, x, y), background),
            "{theme:?}: ring left behind"
        );
        assert!(close(
            pixel(&moved, second.center_x(), second.y - off),
            ring_colour(&theme)
        ));
    }
}

#[test]
fn a_mouse_click_takes_the_ring_away() {
    let mut w = Window::new();
    w.tab(view(), false);
    assert!(w.focus(view()).0.is_some());
    let sent = w.click_at(view(), Point::new(SIZE.width - 10.0, SIZE.height - 10.0));
    assert!(sent.is_empty());
    assert_eq!(w.focus(view()).0, None);
}

#[test]
fn arrows_cycle_through_a_list_and_wrap_around() {
    let all = ["a", "b", "c"];
    assert_eq!(cycle(&all, "a", Step::Forward), "b");
    assert_eq!(cycle(&all, "c", Step::Forward), "a");
    assert_eq!(cycle(&all, "a", Step::Back), "c");
    assert_eq!(cycle(&all, "z", Step::Back), "z", "an unknown entry stays");
}

fn long_list<'a>() -> Element<'a, M> {
    let mut list = column![].spacing(10).padding(10);
    for _ in 0..12 {
        list = list.push(button(text("Row")).height(50).on_activate(M::First));
    }
    column![
        button(text("Above")).on_activate(M::Last),
        iced::widget::scrollable(list).height(200)
    ]
    .into()
}

#[test]
fn tab_scrolls_a_list_to_show_the_focused_control_and_back() {
    let mut w = Window::new();
    let run = |w: &mut Window, backwards: bool| {
        w.run_task(long_list, move_focus::<M>(backwards));
    };
    // "Above", then the first rows: nothing to scroll yet.
    for _ in 0..3 {
        run(&mut w, false);
    }
    assert_eq!(w.scrolled(long_list())[0].0, 0.0);
    // Row 9 (of 12) lies far below the 200 px window of the list.
    for _ in 0..7 {
        run(&mut w, false);
    }
    let bounds = w.focus(long_list()).0.expect("focused");
    let [(offset, list)] = w.scrolled(long_list())[..] else {
        panic!("one scrollable")
    };
    assert!(offset > 0.0, "not scrolled");
    let (top, bottom) = (bounds.y - offset, bounds.y + bounds.height - offset);
    assert!(
        top >= list.y && bottom <= list.y + list.height,
        "the row is at {top}..{bottom}, the list shows {list:?}"
    );
    // Back up with Shift+Tab to the first row: scrolled back to the top.
    for _ in 0..8 {
        run(&mut w, true);
    }
    assert_eq!(w.scrolled(long_list())[0].0, 0.0);
}
