# Mehfooz: the words the app says to a child, in Urdu (Urdu script).
#
# Written from i18n/en/mehfooz.ftl: the same message ids; a message missing here is
# said in English. The teacher commands (check, report, import, new, pin, reset, sync)
# stay English for now.
# The words match the shipped lessons (lessons/ur/): بھروسے والا بڑا، خطرے کی نشانی،
# سنبھال کر رکھنا (never محفوظ, which is the app's name and means "safe").
# Keys the child presses (Enter, Esc, y, n, q, b, h, g) stay as they are on the keyboard.
# A line of Urdu starts with an Urdu word, so that it is laid out right to left.

language-name = اردو

app-name = محفوظ
tagline = آن لائن محفوظ رہنا سیکھیں
never-your-fault = اگر آن لائن کوئی بات آپ کو پریشان کرے تو اس میں کبھی آپ کا قصور نہیں ہوتا۔ کسی بھروسے والے بڑے کو بتائیں۔

## How an answer went

verdict-correct = بالکل صحیح!
verdict-partly-correct = کچھ حد تک صحیح۔
verdict-not-quite = یہ صحیح نہیں۔

choice-picked-right = آپ کا جواب، صحیح
choice-picked-wrong = آپ کا جواب، صحیح نہیں
choice-the-right-answer = صحیح جواب
choice-right-missed = ایک صحیح جواب جو آپ نے نہیں چنا
# The two choices of a true-or-false question.
choice-true = درست
choice-false = غلط
choice-not-picked = نہیں چنا، اور صحیح بھی نہیں

message-spotted = خطرے کی نشانی، اور آپ نے اسے پہچان لیا۔
message-missed = خطرے کی نشانی جو آپ سے رہ گئی۔
message-marked-ok = آپ نے اسے چنا، لیکن یہ میسج ٹھیک ہے۔
message-left-ok = یہ میسج ٹھیک ہے، اور آپ نے اسے نہیں چنا۔

## A lesson's status

status-not-started = شروع نہیں کیا
status-in-progress = جاری ہے
status-passed = پاس
status-not-yet-passed = ابھی پاس نہیں
passed-trying-again = پاس، نئی کوشش
# Urdu's verb follows the number: 1 سبق پاس کیا، 5 سبق پاس کیے۔
own-progress = { $passed ->
    [0] آپ نے ابھی { $lessons } میں سے کوئی سبق پاس نہیں کیا
    [one] آپ نے { $lessons } میں سے { $passed } سبق پاس کیا
   *[other] آپ نے { $lessons } میں سے { $passed } سبق پاس کیے
}
ages = عمر { $min } سے { $max } سال

## An answer that cannot be taken

answer-not-a-question = یہاں جواب دینے کے لیے کچھ نہیں۔
answer-already-answered = آپ اس کا جواب دے چکے ہیں۔
answer-no-such-choice = نمبر { $number } کا کوئی جواب نہیں ہے۔
answer-pick-one = ایک جواب چنیں۔
answer-pick-at-least-one = کم از کم ایک جواب چنیں۔
answer-own-message = میسج { $number } آپ نے خود بھیجا تھا۔ دوسرے شخص کے میسج چنیں۔
answer-no-such-message = نمبر { $number } کا کوئی میسج نہیں ہے۔
move-first = پہلے ↑↓ سے کسی ایک پر جائیں، یا اس کا نمبر دبائیں۔
chat-nothing-marked = آپ نے کوئی میسج نہیں چنا: کیا یہی آپ کا جواب ہے؟ ہاں کے لیے y دبائیں، یا پہلے خطرے کی نشانیاں چنیں۔
nothing-ticked = ابھی کچھ نہیں چنا گیا۔ ہر صحیح جواب چننے کے لیے 1 سے { $choices } تک کے نمبر دبائیں، پھر Enter دبائیں۔
nothing-chosen = پہلے جواب چنیں: 1 سے { $choices } تک کوئی نمبر دبائیں، یا ↑↓ سے چنیں، پھر Enter دبائیں۔

## The name screen and the teacher PIN

is-this-you = کیا یہ آپ ہیں؟ { $name }
is-this-you-keys = اگر یہ آپ ہیں تو y دبائیں، اگر آپ نئے ہیں تو n دبائیں، یا جو لکھا ہے اسے بدلنے کے لیے Esc دبائیں۔
wrong-pin = یہ ٹیچر کا PIN نہیں ہے۔

## The end of a lesson

score-passed = آپ کا اسکور { $percent }% ہے۔ آپ پاس ہو گئے! (پاس ہونے کے لیے { $pass }% چاہیے۔)
score-not-yet-passed = آپ کا اسکور { $percent }% ہے۔ ابھی پاس نہیں ہوئے: پاس ہونے کے لیے { $pass }% چاہیے۔ آپ دوبارہ کوشش کر سکتے ہیں۔

## Words with a meaning to look up

no-glossary-words = اس قدم میں ایسا کوئی لفظ نہیں جس کا مطلب دیکھا جا سکے۔
no-meaning-yet = اس لفظ کا مطلب ابھی لکھا نہیں گیا۔ اپنے ٹیچر سے پوچھیں۔

## The plain mode: a lesson line by line

plain-lesson-for = { $lesson } ({ $name } کے لیے)
plain-resumed = جہاں آپ رکے تھے وہیں سے آگے: قدم { $step } ({ $steps } میں سے)۔
plain-lesson-changed = آپ نے پچھلی بار یہ سبق کھولا تھا، اس کے بعد یہ بدل گیا ہے۔ اس لیے یہ دوبارہ پہلے قدم سے شروع ہو گا۔
plain-how-to-stop = رکنے کے لیے کسی بھی وقت q لکھ کر Enter دبائیں؛ آپ کا کیا ہوا کام سنبھال کر رکھا جاتا ہے۔
plain-page = صفحہ، قدم { $step } ({ $steps } میں سے):
plain-enter-or-back = آگے چلنے کے لیے Enter دبائیں، یا پیچھے جانے کے لیے b لکھ کر Enter دبائیں۔
plain-question = سوال { $number } ({ $questions } میں سے):
plain-ask-multiple = ہر صحیح جواب چنیں: ان کے نمبر بیچ میں جگہ دے کر لکھیں، جیسے 1 3۔
plain-ask-single = اپنے جواب کا نمبر لکھیں۔
plain-ask-hint = مدد کے لیے h لکھیں۔
plain-ask-back = پیچھے جانے کے لیے b لکھیں۔
plain-chat = چیٹ، سوال { $number } ({ $questions } میں سے):
plain-you = آپ
plain-ask-chat = کون سے میسج خطرے کی نشانی ہیں؟ ان کے نمبر بیچ میں جگہ دے کر لکھیں، جیسے 1 3، اور اگر کوئی نہیں تو 0 لکھیں۔ پیچھے جانے کے لیے b لکھیں۔
plain-already-answered = آپ اس کا جواب دے چکے ہیں:
plain-words = مشکل الفاظ:
plain-words-list = { $words } (ان کا مطلب دیکھنے کے لیے g لکھیں)
plain-hint = مدد:
plain-no-hint = اس سوال کے لیے کوئی مدد نہیں لکھی گئی۔
plain-nothing-typed = کچھ نہیں چنا گیا۔ اپنے جواب کا نمبر لکھیں، پھر Enter دبائیں۔
plain-numbers-only = صرف نمبر لکھیں، جیسے 2 یا 1 3۔
plain-finished = سبق ختم:
# سوال is the same for one and for many.
plain-look-again = یہ سوال دوبارہ دیکھیں:
plain-question-number = سوال { $number }:
plain-saved-now = اب آپ کا کام سنبھال لیا گیا ہے۔
plain-not-saved = ابھی آپ کا کام سنبھالا نہیں جا سکا۔ سبق جاری رکھیں: آپ کے جواب یہیں موجود ہیں، اور ایپ ہر جواب کے بعد انہیں سنبھالنے کی دوبارہ کوشش کرے گی۔
plain-why = وجہ:
plain-not-saved-at-end = اس بار کے آپ کے جواب سنبھالے نہیں جا سکے۔ اپنے ٹیچر کو بتائیں۔
plain-teacher-cleared = آپ کے ٹیچر نے اس سبق میں آپ کا کام مٹا دیا ہے، اس لیے یہ دوبارہ پہلے قدم سے شروع ہو گا۔
plain-stopped-cleared = سبق رک گیا۔ آپ کے ٹیچر نے اس سبق میں آپ کا کام مٹا دیا ہے؛ اسے دوبارہ شروع کرنے کے لیے وہی کمانڈ پھر چلائیں۔
plain-stopped = سبق رک گیا۔ آپ کا کام سنبھال کر رکھا گیا ہے؛ وہیں سے آگے چلنے کے لیے وہی کمانڈ پھر چلائیں۔

## Errors a child can meet when starting a lesson

play-no-such-lesson = اس نام کا کوئی سبق نہیں: { $id }۔ سبقوں کے نام `mehfooz list` سے دیکھیں۔
play-did-you-mean = { $count ->
    [one] کیا آپ کا مطلب { $ids } تھا؟
   *[other] کیا آپ کا مطلب ان میں سے کوئی تھا: { $ids }؟
}
play-empty-name = نام خالی ہے: اپنا نام یا کوئی اور نام لکھیں۔
