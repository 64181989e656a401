//! Prints a few lines of Urdu as Mehfooz lays them out, to see whether a terminal and its
//! font show joined Urdu (letters drawn as boxes mean the font lacks them; see
//! docs/urdu.md).
//!
//! `cargo run --example urdu_sample -- [WIDTH] [app|terminal]`

use mehfooz::text::{Mode, display_lines};

const SAMPLE: &str = "محفوظ رہیں\n\
اگر کوئی آن لائن دوست WhatsApp پر تصویر مانگے یا راز رکھنے کو کہے تو کسی بڑے کو بتائیں۔\n\
آن لائن جرم کی شکایت کے لیے 1799 پر فون کریں۔ ہیلپ لائن 0800-39393 مفت ہے۔\n\
ٹ ڈ ڑ ں ے ہ ھ ۓ ی ک گ پ چ ژ لا\n\
Tell a trusted adult.";

fn main() {
    let mut args = std::env::args().skip(1);
    let width = args.next().and_then(|w| w.parse().ok()).unwrap_or(40);
    let mode = match args.next().as_deref() {
        Some("terminal") => Mode::Terminal,
        _ => Mode::App,
    };
    println!("{}", "-".repeat(width));
    for line in display_lines(SAMPLE, width, mode) {
        println!("{}{}", " ".repeat(line.indent(width)), line.text);
    }
    println!("{}", "-".repeat(width));
}
