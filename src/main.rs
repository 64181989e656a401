fn main() {
    let _ = ratatui::layout::Rect::default();
}
