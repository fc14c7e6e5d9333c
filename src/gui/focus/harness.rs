//! A headless window for keyboard tests: builds a view with iced's own `UserInterface` and the
//! software renderer, runs widget operations on it (iced_test's simulator cannot), sends key
//! presses and takes screenshots. The widget state (which control has the focus) is kept
//! between calls, as in the real window.

use iced::advanced::renderer::Headless;
use iced::advanced::widget::operation::{self, Focusable, Operation, Outcome};
use iced::advanced::widget::Id;
use iced::keyboard::key::{NativeCode, Physical};
use iced::keyboard::{self, Key, Location, Modifiers};
use iced::{mouse, Element, Event, Font, Pixels, Point, Rectangle, Renderer, Size, Theme};
use iced_test::runtime::user_interface::{Cache, UserInterface};

/// Logical size of the test window.
pub const SIZE: Size = Size::new(1180.0, 780.0);

/// A window without a screen, for keyboard tests.
pub struct Window {
    renderer: Renderer,
    cache: Option<Cache>,
}

impl Window {
    /// A new window with nothing focused.
    pub fn new() -> Self {
        // Always the software renderer, whatever graphics driver the machine has: the pixels
        // the tests check are then the same everywhere.
        let renderer = iced::futures::executor::block_on(<Renderer as Headless>::new(
            Font::DEFAULT,
            Pixels(16.0),
            Some("tiny-skia"),
        ))
        .expect("the software renderer starts");
        Self {
            renderer,
            cache: Some(Cache::default()),
        }
    }

    fn with_ui<'a, M, R>(
        &mut self,
        view: Element<'a, M>,
        f: impl FnOnce(&mut UserInterface<'a, M, Theme, Renderer>, &mut Renderer) -> R,
    ) -> R {
        let cache = self.cache.take().unwrap_or_default();
        let mut ui = UserInterface::build(view, SIZE, cache, &mut self.renderer);
        let result = f(&mut ui, &mut self.renderer);
        self.cache = Some(ui.into_cache());
        result
    }

    /// Runs `operation` (and the operations it chains to) on `view`, as the runtime does.
    pub fn operate<M>(&mut self, view: Element<'_, M>, operation: impl Operation + 'static) {
        self.operate_boxed(view, Box::new(operation));
    }

    /// Runs the widget operations that `task` carries on `view`, as the runtime would; returns
    /// how many it ran. Other actions of the task are dropped.
    pub fn run_task<'a, M, T: Send + 'static>(
        &mut self,
        view: impl Fn() -> Element<'a, M>,
        task: iced::Task<T>,
    ) -> usize {
        use iced::futures::StreamExt;
        let Some(mut actions) = iced_test::runtime::task::into_stream(task) else {
            return 0;
        };
        let mut ran = 0;
        while let Some(action) = iced::futures::executor::block_on(actions.next()) {
            if let iced_test::runtime::Action::Widget(operation) = action {
                self.operate_boxed(view(), operation);
                ran += 1;
            }
        }
        ran
    }

    fn operate_boxed<M>(&mut self, view: Element<'_, M>, operation: Box<dyn Operation>) {
        self.with_ui(view, |ui, renderer| {
            let mut next = Some(operation);
            while let Some(mut current) = next.take() {
                ui.operate(renderer, &mut current);
                if let Outcome::Chain(chained) = current.finish() {
                    next = Some(chained);
                }
            }
        });
    }

    /// Tab (Shift+Tab when `backwards`): the operation the app runs for that key.
    pub fn tab<M>(&mut self, view: Element<'_, M>, backwards: bool) {
        if backwards {
            self.operate(view, operation::focusable::focus_previous());
        } else {
            self.operate(view, operation::focusable::focus_next());
        }
    }

    /// Sends events to `view` and returns the messages its widgets published.
    pub fn send<M>(&mut self, view: Element<'_, M>, events: &[Event]) -> Vec<M> {
        let mut messages = Vec::new();
        self.with_ui(view, |ui, renderer| {
            let _ = ui.update(
                events,
                mouse::Cursor::Unavailable,
                renderer,
                &mut iced::advanced::clipboard::Null,
                &mut messages,
            );
        });
        messages
    }

    /// Presses and releases `key` over `view`.
    pub fn press<M>(&mut self, view: Element<'_, M>, key: Key) -> Vec<M> {
        self.send(view, &[key_pressed(key)])
    }

    /// A mouse click at `at` (a press: the focus ring goes away on press).
    pub fn click_at<M>(&mut self, view: Element<'_, M>, at: Point) -> Vec<M> {
        let mut messages = Vec::new();
        self.with_ui(view, |ui, renderer| {
            let _ = ui.update(
                &[
                    Event::Mouse(mouse::Event::CursorMoved { position: at }),
                    Event::Mouse(mouse::Event::ButtonPressed(mouse::Button::Left)),
                    Event::Mouse(mouse::Event::ButtonReleased(mouse::Button::Left)),
                ],
                mouse::Cursor::Available(at),
                renderer,
                &mut iced::advanced::clipboard::Null,
                &mut messages,
            );
        });
        messages
    }

    /// The bounds of the focused control, if any, and how many controls can take the focus.
    pub fn focus<M>(&mut self, view: Element<'_, M>) -> (Option<Rectangle>, usize) {
        let found = std::sync::Arc::new(std::sync::Mutex::new((None, 0)));
        self.operate(view, FindFocus(found.clone()));
        let result = *found.lock().expect("not poisoned");
        result
    }

    /// How far each scrollable of `view` is scrolled down, in traversal order, with its
    /// bounds on screen.
    pub fn scrolled<M>(&mut self, view: Element<'_, M>) -> Vec<(f32, Rectangle)> {
        let found = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        self.operate(view, FindScrolled(found.clone()));
        let result = found.lock().expect("not poisoned").clone();
        result
    }

    /// Draws `view` at scale 1 and returns its RGBA pixels (`SIZE` wide and high).
    pub fn screenshot<M>(&mut self, view: Element<'_, M>, theme: &Theme) -> Vec<u8> {
        self.with_ui(view, |ui, renderer| draw_frame(ui, renderer, theme))
    }

    /// Draws `view` `frames` times at scale 1 as the window's software renderer does for a full
    /// redraw (layout once, then draw and rasterise each frame); the milliseconds of each frame.
    pub fn draw_millis<M>(
        &mut self,
        view: Element<'_, M>,
        theme: &Theme,
        frames: usize,
    ) -> Vec<f64> {
        self.with_ui(view, |ui, renderer| {
            (0..frames)
                .map(|_| {
                    let started = std::time::Instant::now();
                    let _ = draw_frame(ui, renderer, theme);
                    started.elapsed().as_secs_f64() * 1000.0
                })
                .collect()
        })
    }
}

/// Draws the built interface and rasterises the whole window: its RGBA pixels.
fn draw_frame<M>(
    ui: &mut UserInterface<'_, M, Theme, Renderer>,
    renderer: &mut Renderer,
    theme: &Theme,
) -> Vec<u8> {
    let style = iced::advanced::renderer::Style {
        text_color: theme.extended_palette().background.base.text,
    };
    ui.draw(renderer, theme, &style, mouse::Cursor::Unavailable);
    renderer.screenshot(
        Size::new(SIZE.width as u32, SIZE.height as u32),
        1.0,
        theme.extended_palette().background.base.color,
    )
}

/// A key press with no modifiers.
pub fn key_pressed(key: Key) -> Event {
    key_pressed_with(key, Modifiers::empty())
}

/// A key press with `modifiers` held.
pub fn key_pressed_with(key: Key, modifiers: Modifiers) -> Event {
    Event::Keyboard(key_event(key, modifiers))
}

/// The keyboard event of pressing `key` with `modifiers` held (what the app's shortcuts get).
pub fn key_event(key: Key, modifiers: Modifiers) -> keyboard::Event {
    keyboard::Event::KeyPressed {
        key: key.clone(),
        modified_key: key,
        physical_key: Physical::Unidentified(NativeCode::Unidentified),
        location: Location::Standard,
        modifiers,
        text: None,
        repeat: false,
    }
}

/// Records the focused control's bounds and counts the focusable ones.
struct FindFocus(std::sync::Arc<std::sync::Mutex<(Option<Rectangle>, usize)>>);

impl Operation for FindFocus {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn focusable(&mut self, _id: Option<&Id>, bounds: Rectangle, state: &mut dyn Focusable) {
        let mut found = self.0.lock().expect("not poisoned");
        found.1 += 1;
        if state.is_focused() {
            found.0 = Some(bounds);
        }
    }
}

/// Records how far each scrollable is scrolled.
struct FindScrolled(std::sync::Arc<std::sync::Mutex<Vec<(f32, Rectangle)>>>);

impl Operation for FindScrolled {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn scrollable(
        &mut self,
        _id: Option<&Id>,
        bounds: Rectangle,
        _content_bounds: Rectangle,
        translation: iced::Vector,
        _state: &mut dyn operation::Scrollable,
    ) {
        let mut found = self.0.lock().expect("not poisoned");
        found.push((translation.y, bounds));
    }
}
