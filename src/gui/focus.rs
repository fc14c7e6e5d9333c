//! Keyboard focus for the app's actions.
//!
//! In iced 0.14 only text inputs take the keyboard focus, so every other control (buttons,
//! checkboxes, radio buttons, the slider, the language list, the photos of the grid) is wrapped
//! in a [`Focusable`]. Tab and Shift+Tab move the focus through them in reading order (iced's
//! own `focus_next` / `focus_previous` operations, which text inputs share); the focused one is
//! drawn with a thick ring in the text colour; Enter or Space activates it, and the arrow keys
//! step a slider or a list. A mouse click anywhere takes the ring away, as in a browser.

use iced::advanced::layout::{self, Layout};
use iced::advanced::widget::{self, operation, tree, Operation, Tree, Widget};
use iced::advanced::{mouse, overlay, renderer, Clipboard, Shell};
use iced::keyboard::{self, key::Named, Key};
use iced::widget::Button;
use iced::{Border, Color, Element, Event, Length, Rectangle, Renderer, Size, Theme, Vector};

/// Width of the focus ring, in logical pixels.
pub const RING_WIDTH: f32 = 3.0;

/// Gap between a control and its focus ring, in logical pixels.
pub const RING_GAP: f32 = 2.0;

/// Which way an arrow key steps a focused slider or list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Left or Up: a lower value, the previous entry.
    Back,
    /// Right or Down: a higher value, the next entry.
    Forward,
}

/// Whether the wrapped control has the keyboard focus.
#[derive(Debug, Default, Clone, Copy)]
struct State {
    focused: bool,
}

impl operation::Focusable for State {
    fn is_focused(&self) -> bool {
        self.focused
    }

    fn focus(&mut self) {
        self.focused = true;
    }

    fn unfocus(&mut self) {
        self.focused = false;
    }
}

/// A control that the keyboard can reach: Tab focuses it, Enter or Space activates it.
pub struct Focusable<'a, Message> {
    content: Element<'a, Message>,
    on_activate: Option<Message>,
    on_step: Option<Box<dyn Fn(Step) -> Message + 'a>>,
}

/// Wraps `content` so that Tab reaches it and Enter or Space sends `on_activate` (nothing when
/// `None`, as for a disabled control: it can still be focused, so the keyboard user learns it
/// is there).
pub fn focusable<'a, Message>(
    content: impl Into<Element<'a, Message>>,
    on_activate: Option<Message>,
) -> Focusable<'a, Message> {
    Focusable {
        content: content.into(),
        on_activate,
        on_step: None,
    }
}

impl<'a, Message> Focusable<'a, Message> {
    /// Makes the arrow keys send `on_step` while the control has the focus (a slider's value,
    /// a list's entry).
    pub fn on_step(mut self, on_step: impl Fn(Step) -> Message + 'a) -> Self {
        self.on_step = Some(Box::new(on_step));
        self
    }
}

/// Buttons made reachable by the keyboard in one call, in place of `on_press`.
pub trait Reachable<'a, Message> {
    /// Sets what a click, Enter or Space sends, and makes the button focusable.
    fn on_activate(self, message: Message) -> Focusable<'a, Message>;
    /// As [`Reachable::on_activate`]; `None` disables the button (still focusable).
    fn on_activate_maybe(self, message: Option<Message>) -> Focusable<'a, Message>;
}

impl<'a, Message: Clone + 'a> Reachable<'a, Message> for Button<'a, Message> {
    fn on_activate(self, message: Message) -> Focusable<'a, Message> {
        self.on_activate_maybe(Some(message))
    }

    fn on_activate_maybe(self, message: Option<Message>) -> Focusable<'a, Message> {
        focusable(self.on_press_maybe(message.clone()), message)
    }
}

/// The colour of the focus ring: the window's text colour, which contrasts with the window's
/// background in both themes (checked with the other colours in `style::contrast`).
pub fn ring_colour(theme: &Theme) -> Color {
    theme.extended_palette().background.base.text
}

/// The entry after (or before) `current` in `all`, wrapping around; `current` itself when it is
/// not in `all`. Arrow keys use it to move through radio buttons and lists.
pub fn cycle<T: Clone + PartialEq>(all: &[T], current: T, step: Step) -> T {
    let Some(at) = all.iter().position(|x| *x == current) else {
        return current;
    };
    let next = match step {
        Step::Back => (at + all.len() - 1) % all.len(),
        Step::Forward => (at + 1) % all.len(),
    };
    all.get(next).cloned().unwrap_or(current)
}

fn step_of(key: &Key) -> Option<Step> {
    match key {
        Key::Named(Named::ArrowLeft | Named::ArrowUp) => Some(Step::Back),
        Key::Named(Named::ArrowRight | Named::ArrowDown) => Some(Step::Forward),
        _ => None,
    }
}

impl<Message: Clone> Widget<Message, Theme, Renderer> for Focusable<'_, Message> {
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.content.as_widget().size_hint()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn Operation,
    ) {
        let state = tree.state.downcast_mut::<State>();
        operation.focusable(None, layout.bounds(), state);
        operation.traverse(&mut |operation| {
            self.content.as_widget_mut().operate(
                &mut tree.children[0],
                layout,
                renderer,
                operation,
            );
        });
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        if let Event::Mouse(mouse::Event::ButtonPressed(_)) = event {
            let state = tree.state.downcast_mut::<State>();
            if state.focused {
                state.focused = false;
                shell.request_redraw();
            }
        }
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
        if shell.is_event_captured() || !tree.state.downcast_ref::<State>().focused {
            return;
        }
        let Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event else {
            return;
        };
        if modifiers.command() || modifiers.alt() {
            return;
        }
        let message = match key {
            Key::Named(Named::Enter | Named::Space) => self.on_activate.clone(),
            _ => step_of(key).and_then(|step| self.on_step.as_ref().map(|f| f(step))),
        };
        if let Some(message) = message {
            shell.publish(message);
            shell.capture_event();
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
        if tree.state.downcast_ref::<State>().focused {
            use iced::advanced::Renderer as _;
            renderer.fill_quad(
                renderer::Quad {
                    bounds: layout.bounds().expand(RING_WIDTH + RING_GAP),
                    border: Border {
                        color: ring_colour(theme),
                        width: RING_WIDTH,
                        radius: (RING_WIDTH + RING_GAP + 4.0).into(),
                    },
                    ..renderer::Quad::default()
                },
                Color::TRANSPARENT,
            );
        }
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, Theme, Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}

impl<'a, Message: Clone + 'a> From<Focusable<'a, Message>> for Element<'a, Message> {
    fn from(focusable: Focusable<'a, Message>) -> Self {
        Element::new(focusable)
    }
}

/// The Tab key's operations: focus the next control (Shift: the previous one), wrapping around,
/// then scroll it into view if it is in a scrolled list.
pub fn move_focus<Message: Send + 'static>(backwards: bool) -> iced::Task<Message> {
    let moved = if backwards {
        iced::widget::operation::focus_previous()
    } else {
        iced::widget::operation::focus_next()
    };
    moved.chain(iced::advanced::widget::operate(reveal_focused()).discard())
}

/// Tab (Shift+Tab when `backwards`) among the controls inside the container `scope` only, such
/// as a dialog drawn over the screen: the controls behind it are never reached.
pub fn move_focus_within<Message: Send + 'static>(
    scope: iced::widget::Id,
    backwards: bool,
) -> iced::Task<Message> {
    use iced::advanced::widget::operation::{focusable, scope as within};
    let moved: iced::Task<()> = if backwards {
        iced::advanced::widget::operate(within(scope, focusable::focus_previous()))
    } else {
        iced::advanced::widget::operate(within(scope, focusable::focus_next()))
    };
    moved.discard()
}

/// Takes the focus away from every control (before a dialog opens over them).
pub fn unfocus_all<Message: Send + 'static>() -> iced::Task<Message> {
    let unfocused: iced::Task<()> =
        iced::advanced::widget::operate(iced::advanced::widget::operation::focusable::unfocus());
    unfocused.discard()
}

/// Room kept between a control brought into view and the edge of its list, in logical pixels.
const REVEAL_MARGIN: f32 = 12.0;

/// An operation that finds the focused control and, if it lies outside the visible part of
/// the innermost scrollable around it, scrolls that scrollable just enough to show it.
pub fn reveal_focused() -> impl Operation + 'static {
    FindFocusedScroll::default()
}

/// A scrollable met on the way down: its number in traversal order, where it is, where its
/// content is and how far it is scrolled.
#[derive(Debug, Clone, Copy)]
struct Scroller {
    number: usize,
    depth: usize,
    bounds: Rectangle,
    content: Rectangle,
    translation: Vector,
}

/// First pass: which scrollable holds the focused control, and where it must scroll to.
#[derive(Debug, Default)]
struct FindFocusedScroll {
    depth: usize,
    seen: usize,
    open: Vec<Scroller>,
    found: Option<(usize, f32)>,
}

impl Operation for FindFocusedScroll {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        self.depth += 1;
        operate(self);
        self.depth -= 1;
        // A scrollable traverses its content right after announcing itself, at its own depth:
        // once that traversal is over, it is closed.
        while self.open.last().is_some_and(|s| s.depth >= self.depth) {
            self.open.pop();
        }
    }

    fn scrollable(
        &mut self,
        _id: Option<&widget::Id>,
        bounds: Rectangle,
        content: Rectangle,
        translation: Vector,
        _state: &mut dyn operation::Scrollable,
    ) {
        self.open.push(Scroller {
            number: self.seen,
            depth: self.depth,
            bounds,
            content,
            translation,
        });
        self.seen += 1;
    }

    fn focusable(
        &mut self,
        _id: Option<&widget::Id>,
        bounds: Rectangle,
        state: &mut dyn operation::Focusable,
    ) {
        if !state.is_focused() {
            return;
        }
        let Some(s) = self.open.last() else {
            return;
        };
        // Layout positions inside a scrollable are those of the unscrolled content.
        let top = s.bounds.y + s.translation.y;
        let bottom = top + s.bounds.height;
        let offset = if bounds.y < top {
            bounds.y - REVEAL_MARGIN - s.content.y
        } else if bounds.y + bounds.height > bottom {
            bounds.y + bounds.height + REVEAL_MARGIN - s.bounds.height - s.content.y
        } else {
            return;
        };
        self.found = Some((s.number, offset.max(0.0)));
    }

    fn finish(&self) -> operation::Outcome<()> {
        match self.found {
            Some((number, y)) => {
                operation::Outcome::Chain(Box::new(ScrollNth { number, y, seen: 0 }))
            }
            None => operation::Outcome::None,
        }
    }
}

/// Second pass: scrolls the `number`-th scrollable to `y`.
struct ScrollNth {
    number: usize,
    y: f32,
    seen: usize,
}

impl Operation for ScrollNth {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn scrollable(
        &mut self,
        _id: Option<&widget::Id>,
        _bounds: Rectangle,
        _content: Rectangle,
        _translation: Vector,
        state: &mut dyn operation::Scrollable,
    ) {
        if self.seen == self.number {
            state.scroll_to(operation::scrollable::AbsoluteOffset {
                x: None,
                y: Some(self.y),
            });
        }
        self.seen += 1;
    }
}

#[cfg(test)]
pub mod harness;
#[cfg(test)]
mod tests;
