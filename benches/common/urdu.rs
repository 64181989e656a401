//! A page of Urdu (about 2 KB, with English app names and phone numbers in it), for the
//! benchmarks of laying out and drawing right-to-left text.

#![allow(dead_code)]

/// Five paragraphs a child might read on one page, repeated to about 2 KB.
pub const PARAGRAPHS: [&str; 5] = [
    "آن لائن ہر کوئی وہ نہیں ہوتا جو وہ کہتا ہے۔ کچھ لوگ بچے بن کر بچوں سے دوستی کرتے ہیں \
     اور پھر ان سے وہ باتیں منواتے ہیں جو انہیں نہیں کرنی چاہئیں۔",
    "اگر کوئی آن لائن دوست WhatsApp یا Instagram پر آپ سے تصویریں مانگے، راز رکھنے کو کہے \
     یا اکیلے ملنے کی بات کرے تو یہ خطرے کی نشانی ہے۔",
    "اپنا پورا نام، گھر کا پتہ، اسکول کا نام اور فون نمبر کسی اجنبی کو نہ بتائیں، چاہے وہ \
     کتنا ہی اچھا کیوں نہ لگے۔",
    "کسی بڑے پر بھروسہ کریں: امی، ابو، استاد یا کوئی اور بڑا جو آپ کی بات سنے۔ یہ آپ کی \
     غلطی نہیں ہے، اور مدد مانگنا ہمت کی بات ہے۔",
    "آن لائن جرم کی شکایت کے لیے 1799 پر فون کریں۔ ڈیجیٹل رائٹس فاؤنڈیشن کی ہیلپ لائن \
     0800-39393 مفت ہے۔",
];

pub fn page() -> Vec<String> {
    let mut page: Vec<String> = Vec::new();
    while page.iter().map(String::len).sum::<usize>() < 2048 {
        page.extend(PARAGRAPHS.iter().map(|p| p.to_string()));
    }
    page
}
