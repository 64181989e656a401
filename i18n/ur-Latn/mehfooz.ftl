# Mehfooz: the words the app says to a child, in Roman Urdu (Urdu in Latin letters).
#
# Written from i18n/en/mehfooz.ftl: the same message ids; a message missing here is
# said in English. The teacher commands (check, report, import, new, pin, reset, sync)
# stay English for now.
# The spellings and terms match the shipped lessons (lessons/ur-Latn/): bharose wala
# bara, khatre ki nishani, sambhal kar rakhna (never "mehfooz", which is the app's name
# and means "safe").
# Keys the child presses (Enter, Esc, y, n, q, b, h, g) stay as they are on the keyboard.

language-name = Roman Urdu

app-name = Mehfooz
tagline = Online mehfooz rehna seekhein
never-your-fault = Agar online koi baat aap ko pareshan kare, to is mein kabhi aap ka qasoor nahi hota. Kisi bharose wale baray ko batayein.

## How an answer went

verdict-correct = Bilkul sahi!
verdict-partly-correct = Kuch had tak sahi.
verdict-not-quite = Yeh sahi nahi.

choice-picked-right = aap ka jawab, sahi
choice-picked-wrong = aap ka jawab, sahi nahi
choice-the-right-answer = sahi jawab
choice-right-missed = ek sahi jawab jo aapne nahi chuna
# The two choices of a true-or-false question.
choice-true = Sahi
choice-false = Ghalat
choice-not-picked = nahi chuna, aur sahi bhi nahi

message-spotted = Khatre ki nishani, aur aapne isay pehchan liya.
message-missed = Khatre ki nishani jo aap se reh gayi.
message-marked-ok = Aapne isay chuna, lekin yeh message theek hai.
message-left-ok = Yeh message theek hai, aur aapne isay nahi chuna.

## A lesson's status

status-not-started = shuru nahi kiya
status-in-progress = jaari hai
status-passed = pass
status-not-yet-passed = abhi pass nahi
passed-trying-again = pass, nayi koshish
# The verb follows the number: 1 sabaq pass kiya, 5 sabaq pass kiye.
own-progress = { $passed ->
    [0] Aapne abhi { $lessons } mein se koi sabaq pass nahi kiya
    [one] Aapne { $lessons } mein se { $passed } sabaq pass kiya
   *[other] Aapne { $lessons } mein se { $passed } sabaq pass kiye
}
ages = umar { $min } se { $max } saal

## An answer that cannot be taken

answer-not-a-question = Yahan jawab dene ke liye kuch nahi.
answer-already-answered = Aap is ka jawab de chuke hain.
answer-no-such-choice = Number { $number } ka koi jawab nahi hai.
answer-pick-one = Ek jawab chunein.
answer-pick-at-least-one = Kam az kam ek jawab chunein.
answer-own-message = Message { $number } aapne khud bheja tha. Doosre insaan ke messages chunein.
answer-no-such-message = Number { $number } ka koi message nahi hai.
move-first = Pehle ↑↓ se kisi ek par jayein, ya us ka number dabayein.
chat-nothing-marked = Aapne koi message nahi chuna: kya yehi aap ka jawab hai? Haan ke liye y dabayein, ya pehle khatre ki nishaniyan chunein.
nothing-ticked = Abhi kuch nahi chuna gaya. Har sahi jawab chunne ke liye 1 se { $choices } tak ke number dabayein, phir Enter dabayein.
nothing-chosen = Pehle jawab chunein: 1 se { $choices } tak koi number dabayein, ya ↑↓ se chunein, phir Enter dabayein.

## The name screen and the teacher PIN

is-this-you = Kya yeh aap hain? { $name }
is-this-you-keys = Agar yeh aap hain to y dabayein, agar aap naye hain to n dabayein, ya jo likha hai usay badalne ke liye Esc dabayein.
wrong-pin = Yeh teacher ka PIN nahi hai.

## The end of a lesson

score-passed = Aap ka score { $percent }% hai. Aap pass ho gaye! (Pass hone ke liye { $pass }% chahiye.)
score-not-yet-passed = Aap ka score { $percent }% hai. Abhi pass nahi hue: pass hone ke liye { $pass }% chahiye. Aap dobara koshish kar sakte hain.

## Words with a meaning to look up

no-glossary-words = Is qadam mein aisa koi lafz nahi jis ka matlab dekha ja sake.
no-meaning-yet = Is lafz ka matlab abhi likha nahi gaya. Apne teacher se poochein.

## The plain mode: a lesson line by line

plain-lesson-for = { $lesson } ({ $name } ke liye)
plain-resumed = Jahan aap ruke thay wahin se aage: qadam { $step } ({ $steps } mein se).
plain-lesson-changed = Aapne pichli baar yeh sabaq khola tha, us ke baad yeh badal gaya hai. Is liye yeh dobara pehle qadam se shuru hoga.
plain-how-to-stop = Rukne ke liye kisi bhi waqt q likh kar Enter dabayein; aap ka kiya hua kaam sambhal kar rakha jata hai.
plain-page = Safha, qadam { $step } ({ $steps } mein se):
plain-enter-or-back = Aage chalne ke liye Enter dabayein, ya peeche jane ke liye b likh kar Enter dabayein.
plain-question = Sawal { $number } ({ $questions } mein se):
plain-ask-multiple = Har sahi jawab chunein: un ke number beech mein jagah de kar likhein, jaise 1 3.
plain-ask-single = Apne jawab ka number likhein.
plain-ask-hint = Madad ke liye h likhein.
plain-ask-back = Peeche jane ke liye b likhein.
plain-chat = Chat, sawal { $number } ({ $questions } mein se):
plain-you = Aap
plain-ask-chat = Kaun se messages khatre ki nishani hain? Un ke number beech mein jagah de kar likhein, jaise 1 3, aur agar koi nahi to 0 likhein. Peeche jane ke liye b likhein.
plain-already-answered = Aap is ka jawab de chuke hain:
plain-words = Mushkil alfaaz:
plain-words-list = { $words } (in ka matlab dekhne ke liye g likhein)
plain-hint = Madad:
plain-no-hint = Is sawal ke liye koi madad nahi likhi gayi.
plain-nothing-typed = Kuch nahi chuna gaya. Apne jawab ka number likhein, phir Enter dabayein.
plain-numbers-only = Sirf number likhein, jaise 2 ya 1 3.
plain-finished = Sabaq khatam:
# "sawal" is the same for one and for many.
plain-look-again = Yeh sawal dobara dekhein:
plain-question-number = Sawal { $number }:
plain-saved-now = Ab aap ka kaam sambhal liya gaya hai.
plain-not-saved = Abhi aap ka kaam sambhala nahi ja saka. Sabaq jaari rakhein: aap ke jawab yahin maujood hain, aur app har jawab ke baad inhein sambhalne ki dobara koshish karegi.
plain-why = Wajah:
plain-not-saved-at-end = Is baar ke aap ke jawab sambhale nahi ja sake. Apne teacher ko batayein.
plain-teacher-cleared = Aap ke teacher ne is sabaq mein aap ka kaam mita diya hai, is liye yeh dobara pehle qadam se shuru hoga.
plain-stopped-cleared = Sabaq ruk gaya. Aap ke teacher ne is sabaq mein aap ka kaam mita diya hai; isay dobara shuru karne ke liye wohi command phir chalayein.
plain-stopped = Sabaq ruk gaya. Aap ka kaam sambhal kar rakha gaya hai; wahin se aage chalne ke liye wohi command phir chalayein.

## Errors a child can meet when starting a lesson

play-no-such-lesson = Is naam ka koi sabaq nahi: { $id }. Sabaq ke naam `mehfooz list` se dekhein.
play-did-you-mean = { $count ->
    [one] Kya aap ka matlab { $ids } tha?
   *[other] Kya aap ka matlab in mein se koi tha: { $ids }?
}
play-empty-name = Naam khali hai: apna naam ya koi aur naam likhein.

## The terminal app: the window

window-too-small = Meherbani kar ke window bari karein.
window-size = Mehfooz ko kam az kam { $min_width } x { $min_height } ki jagah chahiye; yeh window { $width } x { $height } hai.

## The terminal app: the name screen

name-welcome = Assalam-o-alaikum! Mehfooz mein khush aamdeed.
name-about = Online mehfooz rehne ke baare mein chhote chhote sabaq.
name-who = Aaj kaun seekh raha hai?
# Beside each name in the list; the verb follows the number.
name-student-progress = { $passed ->
    [one] { $lessons } mein se { $passed } sabaq pass kiya
   *[other] { $lessons } mein se { $passed } sabaq pass kiye
}
name-i-am-new = Main naya hun: apna naam likhun
name-type = Apna naam ya nickname likhein, phir Enter dabayein:
name-what-is-saved = Sirf aap ka naam, aap ke sabaq ke score ke saath, isi computer par rakha jata hai.
name-type-first = Pehle apna naam ya nickname likhein.
pin-prompt = Teacher ka PIN, phir Enter:

## The terminal app: the lesson list

lessons-you = { $passed ->
    [one] Aap: { $lessons } mein se { $passed } sabaq pass kiya
   *[other] Aap: { $lessons } mein se { $passed } sabaq pass kiye
}
lessons-all-ages = har umar
lessons-showing = Dikha rahe hain: { $ages }  (badalne ke liye a dabayein)
lessons-for = { $name } ke sabaq
lessons-none-for-age = Is umar ke liye koi sabaq nahi. Baqi sabaq dekhne ke liye a dabayein.
lessons-best-score = Sab se acha score: { $percent }%
lessons-facts = { $questions } sawal, taqreeban { $minutes } minute, pass hone ke liye { $pass }%.
lessons-broken-files = { $count ->
    [one] Ek sabaq ki file nahi khul saki: teacher `mehfooz check` chala kar wajah dekh sakte hain.
   *[other] { $count } sabaq ki files nahi khul sakin: teacher `mehfooz check` chala kar wajah dekh sakte hain.
}
lesson-files-broken = { $count ->
    [one] Ek sabaq ki file nahi khul saki. Wajah dekhne ke liye `{ $command }` chalayein.
   *[other] { $count } sabaq ki files nahi khul sakin. Wajah dekhne ke liye `{ $command }` chalayein.
}
progress-files-unreadable = { $count ->
    [one] { $folder } mein ek bachay ke kaam ki file parhi nahi ja saki; usay waise hi chhor diya gaya hai.
   *[other] { $folder } mein { $count } bachon ke kaam ki files parhi nahi ja sakin; unhein waise hi chhor diya gaya hai.
}

## The terminal app: a lesson

welcome-back = Khush aamdeed! Hum qadam { $step } se aage chalte hain ({ $steps } mein se).
lesson-changed = Yeh sabaq aap ke pichli baar kholne ke baad badal gaya hai, is liye yeh dobara shuru hoga.
lesson-cleared-by-teacher = Aap ke teacher ne is sabaq mein aap ka kaam mita diya hai, is liye yeh dobara pehle qadam se shuru hoga.
progress-not-saved = Aap ka kaam sambhala nahi ja saka: { $why }
# Why a child's progress could not be read or saved.
store-set-aside = Aap ke kaam ki file { $file } parhi nahi ja saki ({ $why }). Purani file { $kept } ke naam se sambhal kar rakh li gayi hai aur nayi file shuru kar di gayi hai.
store-why-cannot-read = computer ne isay kholne nahi diya: { $problem }
store-why-damaged = yeh kharab hai ya adhoori hai, line { $line }, column { $column } par
store-why-newer = yeh Mehfooz ke naye version mein sambhali gayi hai (format { $version })
store-why-name-control = is mein likhe naam mein control characters hain
store-error-file = File { $file }: { $problem }
store-error-newer = File { $file } Mehfooz ke naye version mein sambhali gayi hai (format { $version }); isay kholne ke liye Mehfooz update karein. File ko badla nahi gaya.
store-error-cannot-write = Data folder { $folder } mein kaam sambhala nahi ja sakta: yeh sirf parhne ke liye hai, ya is user ko wahan likhne ki ijazat nahi ({ $problem }). Jo is computer ka khayal rakhte hain un se kahein ke wahan likhne ki ijazat dein, ya --data-dir ya MEHFOOZ_DATA_DIR ki setting se koi aur folder istemal karein.
store-error-busy = Mehfooz ki ek aur copy { $seconds } second se { $name } ka kaam sambhal rahi hai aur abhi tak farigh nahi hui, is liye kuch nahi badla gaya. Doosri copy band karein, ya ek minute baad dobara koshish karein (network ke share folder par koi aur computer slow ho sakta hai).
store-error-stopped-waiting = Mehfooz ki doosri copy { $name } ka kaam sambhal rahi thi. Us ka intezar rok diya gaya, aur kuch nahi badla gaya.
store-waiting = Mehfooz ki ek aur copy { $name } ka kaam sambhal rahi hai, us ka intezar hai... ({ $seconds } second tak)
store-cannot-use-folder = Data folder istemal nahi ho sakta: { $why }
store-problem-not-allowed = is user ko ijazat nahi
store-problem-disk-full = disk bhar gayi hai
store-problem-not-found = yeh maujood nahi
store-problem-read-only = disk sirf parhne ke liye hai
store-problem-other = system ki kharabi { $code }
player-step = qadam { $step } ({ $steps } mein se)
player-finished = khatam
player-question = Sawal { $number } ({ $questions } mein se)
player-chat = Sawal { $number } ({ $questions } mein se): ek farzi chat
player-tick-every = Har sahi jawab chunein.
player-true-or-false = Sahi ya ghalat?
player-hint = Ishara:
no-hint = Is sawal ke liye koi ishara nahi likha gaya.
player-you = Aap:
player-mark-warning-signs = Har us message ko chunein jo khatre ki nishani ho, phir Enter dabayein.
verdict-partly-with-score = Kuch sahi. (is sawal ka { $percent }%)
player-enter-to-go-on = Aage chalne ke liye Enter dabayein.
summary-finished = Sabaq khatam!
summary-score = Score: { $bar } { $percent }%
summary-all-right = Aapne har sawal ka sahi jawab diya. Shabash!
summary-look-again = { $count ->
    [one] Yeh sawal dobara dekhein:
   *[other] Yeh sawal dobara dekhein:
}
summary-keys = Sabaq ki list ke liye Enter dabayein, ya dobara koshish ke liye r dabayein.
words-title = Alfaaz ka matlab
words-go-back = Wapas jane ke liye g, q ya Esc dabayein.
waiting-for-save = Intezar rokne ke liye Esc dabayein. Mehfooz ki ek aur copy { $name } ka kaam sambhal rahi hai, us ka intezar hai... ({ $seconds } second tak)

## The terminal app: the ? help

help-title = Madad
help-get-help-now = Abhi madad lein
help-lines-for = Madad ke number: { $region }
help-keys = Button
list-separator = {", "}
more-below = ↓ aur
minutes-short = { $minutes } min
help-saved-as-you-go = Aap ke jawab saath saath sambhal kar rakhe jate hain.

## The terminal app: what each key does (footer and help)

key-help = madad
key-stop = rukein
key-back = peeche
key-hint = ishara
key-answer = jawab
key-choose = chunein
key-scroll = upar neeche
key-same-as-up-down = ↑ ↓ ki tarah
key-same-as-down = ↓ ki tarah
key-scroll-page = poora safha upar neeche
key-quit-now = foran band karein
key-close = band karein
key-start = shuru karein
key-ages = umar
key-next = aage
key-back-a-step = ek qadam peeche
key-tick = chunein
key-move-tick = jayein, chunein
key-mark = nishan lagayein
key-move-mark = jayein, nishan lagayein
key-yes-none = haan, koi nahi
key-lessons = sabaq
key-try-again = dobara koshish
key-word-meanings = alfaaz ka matlab
key-thats-me = yeh main hun
key-new-name = naya naam
key-teacher = teacher
key-quit = band karein
key-done = ho gaya
key-cancel = rehne dein
key-open = kholein
key-yes-thats-me = haan, yeh main hun
key-no-new = nahi, main naya hun
key-change-name = naam badlein
key-language = zaban
key-use-language = yeh zaban

## The terminal app: the screens, as the ? help lists their keys

keys-choosing-name = apna naam chunna
keys-typing-name = naya naam likhna
keys-teacher-pin = teacher ka PIN
keys-is-this-you = "Kya yeh aap hain?"
keys-choosing-lesson = sabaq chunna
keys-page = safha
keys-single = ek jawab wala sawal
keys-multiple = kai jawabon wala sawal
keys-chat = farzi chat
keys-chat-none-marked = chat jis mein kuch nahi chuna
keys-feedback = jawab dene ke baad
keys-summary = sabaq ka khulasa
keys-underlined-words = lakeer wale alfaaz ka qadam
keys-word-meanings = alfaaz ka matlab
keys-help = madad
keys-teacher-view = teacher ka safha
keys-everywhere = har jagah
keys-any-step = sabaq ka har qadam
keys-language = zaban chunna

## The terminal app: the language picker

language-title = Zaban
