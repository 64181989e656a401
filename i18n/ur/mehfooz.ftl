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

## The terminal app: the window

window-too-small = براہ کرم ونڈو بڑی کریں۔
window-size = ایپ کو کم از کم { $min_width } x { $min_height } کی جگہ چاہیے؛ یہ ونڈو { $width } x { $height } ہے۔

## The terminal app: the name screen

name-welcome = السلام علیکم! محفوظ میں خوش آمدید۔
name-about = آن لائن محفوظ رہنے کے بارے میں چھوٹے چھوٹے سبق۔
name-who = آج کون سیکھ رہا ہے؟
# Beside each name in the list; Urdu's verb follows the number.
name-student-progress = { $passed ->
    [one] { $lessons } میں سے { $passed } سبق پاس کیا
   *[other] { $lessons } میں سے { $passed } سبق پاس کیے
}
name-i-am-new = میں نیا ہوں: اپنا نام لکھوں
name-type = اپنا نام یا نک نیم لکھیں، پھر Enter دبائیں:
name-what-is-saved = صرف آپ کا نام، آپ کے سبقوں کے اسکور کے ساتھ، اسی کمپیوٹر پر رکھا جاتا ہے۔
name-type-first = پہلے اپنا نام یا نک نیم لکھیں۔
pin-prompt = ٹیچر کا PIN، پھر Enter:

## The terminal app: the lesson list

lessons-you = { $passed ->
    [one] آپ: { $lessons } میں سے { $passed } سبق پاس کیا
   *[other] آپ: { $lessons } میں سے { $passed } سبق پاس کیے
}
lessons-all-ages = ہر عمر
lessons-showing = دکھائے جا رہے ہیں: { $ages }  (بدلنے کے لیے a دبائیں)
lessons-for = { $name } کے سبق
lessons-none-for-age = اس عمر کے لیے کوئی سبق نہیں۔ باقی سبق دیکھنے کے لیے a دبائیں۔
lessons-best-score = سب سے اچھا اسکور: { $percent }%
lessons-facts = { $questions } سوال، تقریباً { $minutes } منٹ، پاس ہونے کے لیے { $pass }%۔
lessons-broken-files = { $count ->
    [one] ایک سبق کی فائل نہیں کھل سکی: ٹیچر `mehfooz check` چلا کر وجہ دیکھ سکتے ہیں۔
   *[other] { $count } سبقوں کی فائلیں نہیں کھل سکیں: ٹیچر `mehfooz check` چلا کر وجہ دیکھ سکتے ہیں۔
}
lesson-files-broken = { $count ->
    [one] ایک سبق کی فائل نہیں کھل سکی۔ وجہ دیکھنے کے لیے `{ $command }` چلائیں۔
   *[other] { $count } سبقوں کی فائلیں نہیں کھل سکیں۔ وجہ دیکھنے کے لیے `{ $command }` چلائیں۔
}
progress-files-unreadable = { $count ->
    [one] { $folder } میں ایک بچے کے کام کی فائل پڑھی نہیں جا سکی؛ اسے ویسے ہی چھوڑ دیا گیا ہے۔
   *[other] { $folder } میں { $count } بچوں کے کام کی فائلیں پڑھی نہیں جا سکیں؛ انہیں ویسے ہی چھوڑ دیا گیا ہے۔
}

## The terminal app: a lesson

welcome-back = خوش آمدید! ہم قدم { $step } سے آگے چلتے ہیں ({ $steps } میں سے)۔
lesson-changed = یہ سبق آپ کے پچھلی بار کھولنے کے بعد بدل گیا ہے، اس لیے یہ دوبارہ شروع ہو گا۔
lesson-cleared-by-teacher = آپ کے ٹیچر نے اس سبق میں آپ کا کام مٹا دیا ہے، اس لیے یہ دوبارہ پہلے قدم سے شروع ہو گا۔
progress-not-saved = آپ کا کام سنبھالا نہیں جا سکا: { $why }
# Why a child's progress could not be read or saved. A line starts with an Urdu word.
store-set-aside = آپ کے کام کی فائل { $file } پڑھی نہیں جا سکی ({ $why })۔ پرانی فائل { $kept } کے نام سے سنبھال کر رکھ لی گئی ہے اور نئی فائل شروع کر دی گئی ہے۔
store-why-cannot-read = کمپیوٹر نے اسے کھولنے نہیں دیا: { $problem }
store-why-damaged = یہ خراب ہے یا ادھوری ہے، لائن { $line }، کالم { $column } پر
store-why-newer = یہ محفوظ ایپ کے نئے ورژن میں سنبھالی گئی ہے (فارمیٹ { $version })
store-why-name-control = اس میں لکھے نام میں کنٹرول کیریکٹر ہیں
store-error-file = فائل { $file }: { $problem }
store-error-newer = فائل { $file } محفوظ ایپ کے نئے ورژن میں سنبھالی گئی ہے (فارمیٹ { $version })؛ اسے کھولنے کے لیے محفوظ ایپ کو اپ ڈیٹ کریں۔ فائل کو بدلا نہیں گیا۔
store-error-cannot-write = ڈیٹا فولڈر { $folder } میں کام سنبھالا نہیں جا سکتا: یہ صرف پڑھنے کے لیے ہے، یا اس یوزر کو وہاں لکھنے کی اجازت نہیں ({ $problem })۔ جو اس کمپیوٹر کا خیال رکھتے ہیں ان سے کہیں کہ وہاں لکھنے کی اجازت دیں، یا --data-dir یا MEHFOOZ_DATA_DIR کی سیٹنگ سے کوئی اور فولڈر استعمال کریں۔
store-error-busy = ایپ کی ایک اور کاپی { $seconds } سیکنڈ سے { $name } کا کام سنبھال رہی ہے اور ابھی تک فارغ نہیں ہوئی، اس لیے کچھ نہیں بدلا گیا۔ دوسری کاپی بند کریں، یا ایک منٹ بعد دوبارہ کوشش کریں (نیٹ ورک کے شیئر فولڈر پر کوئی اور کمپیوٹر سست ہو سکتا ہے)۔
store-error-stopped-waiting = ایپ کی دوسری کاپی { $name } کا کام سنبھال رہی تھی۔ اس کا انتظار روک دیا گیا، اور کچھ نہیں بدلا گیا۔
store-waiting = ایپ کی ایک اور کاپی { $name } کا کام سنبھال رہی ہے، اس کا انتظار ہے... ({ $seconds } سیکنڈ تک)
store-cannot-use-folder = ڈیٹا فولڈر استعمال نہیں ہو سکتا: { $why }
store-problem-not-allowed = اس یوزر کو اجازت نہیں
store-problem-disk-full = ڈسک بھر گئی ہے
store-problem-not-found = یہ موجود نہیں
store-problem-read-only = ڈسک صرف پڑھنے کے لیے ہے
store-problem-other = سسٹم کی خرابی { $code }
player-step = قدم { $step } ({ $steps } میں سے)
player-finished = ختم
player-question = سوال { $number } ({ $questions } میں سے)
player-chat = سوال { $number } ({ $questions } میں سے): ایک فرضی چیٹ
player-tick-every = ہر صحیح جواب چنیں۔
player-true-or-false = درست یا غلط؟
player-hint = اشارہ:
no-hint = اس سوال کے لیے کوئی اشارہ نہیں لکھا گیا۔
player-you = آپ:
player-mark-warning-signs = ہر اُس میسج کو چنیں جو خطرے کی نشانی ہو، پھر Enter دبائیں۔
verdict-partly-with-score = کچھ صحیح۔ (اس سوال کا { $percent }%)
player-enter-to-go-on = آگے چلنے کے لیے Enter دبائیں۔
summary-finished = سبق ختم!
summary-score = اسکور: { $bar } { $percent }%
summary-all-right = آپ نے ہر سوال کا صحیح جواب دیا۔ شاباش!
# سوال is the same for one and for many.
summary-look-again = یہ سوال دوبارہ دیکھیں:
summary-keys = سبقوں کی فہرست کے لیے Enter دبائیں، یا دوبارہ کوشش کے لیے r دبائیں۔
words-title = الفاظ کا مطلب
words-go-back = واپس جانے کے لیے g، q یا Esc دبائیں۔
waiting-for-save = انتظار روکنے کے لیے Esc دبائیں۔ ایپ کی ایک اور کاپی { $name } کا کام سنبھال رہی ہے، اس کا انتظار ہے... ({ $seconds } سیکنڈ تک)

## The terminal app: the ? help

help-title = مدد
help-get-help-now = ابھی مدد لیں
help-lines-for = مدد کے نمبر: { $region }
help-keys = بٹن
list-separator = {"، "}
more-below = ↓ مزید
minutes-short = { $minutes } منٹ
help-saved-as-you-go = آپ کے جواب ساتھ ساتھ سنبھال کر رکھے جاتے ہیں۔

## The terminal app: what each key does (footer and help)

key-help = مدد
key-stop = رکیں
key-back = پیچھے
key-hint = اشارہ
key-answer = جواب
key-choose = چنیں
key-scroll = اوپر نیچے
key-same-as-up-down = ↑ ↓ کی طرح
key-same-as-down = ↓ کی طرح
key-scroll-page = پورا صفحہ اوپر نیچے
key-quit-now = فوراً بند کریں
key-close = بند کریں
key-start = شروع کریں
key-ages = عمر
key-next = آگے
key-back-a-step = ایک قدم پیچھے
key-tick = چنیں
key-move-tick = جائیں، چنیں
key-mark = نشان لگائیں
key-move-mark = جائیں، نشان لگائیں
key-yes-none = ہاں، کوئی نہیں
key-lessons = سبق
key-try-again = دوبارہ کوشش
key-word-meanings = الفاظ کا مطلب
key-thats-me = یہ میں ہوں
key-new-name = نیا نام
key-teacher = ٹیچر
key-quit = بند کریں
key-done = ہو گیا
key-cancel = رہنے دیں
key-open = کھولیں
key-yes-thats-me = ہاں، یہ میں ہوں
key-no-new = نہیں، میں نیا ہوں
key-change-name = نام بدلیں
key-language = زبان
key-use-language = یہ زبان

## The terminal app: the screens, as the ? help lists their keys

keys-choosing-name = اپنا نام چننا
keys-typing-name = نیا نام لکھنا
keys-teacher-pin = ٹیچر کا PIN
keys-is-this-you = "کیا یہ آپ ہیں؟"
keys-choosing-lesson = سبق چننا
keys-page = صفحہ
keys-single = ایک جواب والا سوال
keys-multiple = کئی جوابوں والا سوال
keys-chat = فرضی چیٹ
keys-chat-none-marked = چیٹ جس میں کچھ نہیں چنا
keys-feedback = جواب دینے کے بعد
keys-summary = سبق کا خلاصہ
keys-underlined-words = لکیر والے الفاظ کا قدم
keys-word-meanings = الفاظ کا مطلب
keys-help = مدد
keys-teacher-view = ٹیچر کا صفحہ
keys-everywhere = ہر جگہ
keys-any-step = سبق کا ہر قدم
keys-language = زبان چننا

## The terminal app: the language picker

language-title = زبان
