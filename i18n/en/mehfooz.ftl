# Mehfooz: the words the app says to a child, in English.
#
# English is the source: every other language's file (i18n/LANG/mehfooz.ftl) has the same
# message ids, and any message it lacks is said in English instead.
# The teacher commands (check, report, import, new, pin, reset, sync) stay English for
# now: their words are in the code, not in these files. The teacher view's words are
# here, teacher-only (their ids start with `teacher-`), and are not translated yet.
# A line like `{ $number }` is filled in by the app; keep it, move it where your language
# needs it. `{ $count -> [one] ... *[other] ... }` picks the words that fit the number.

# The language's name in its own words, for the language picker.
language-name = English

app-name = Mehfooz
tagline = Learn to stay safe online
never-your-fault = If something online worries you, it is never your fault. Tell a trusted adult.

## How an answer went

verdict-correct = Correct!
verdict-partly-correct = Partly right.
verdict-not-quite = Not quite.

# Beside each choice, after answering.
choice-picked-right = your answer, right
choice-picked-wrong = your answer, not right
choice-the-right-answer = the right answer
choice-right-missed = a right answer you missed
# The two choices of a true-or-false question.
choice-true = True
choice-false = False
choice-not-picked = not picked, and not right

# Beside each chat message, after answering.
message-spotted = Red flag, and you spotted it.
message-missed = Red flag you missed.
message-marked-ok = You marked it, but this one is OK.
message-left-ok = OK, you left it.

## A lesson's status

status-not-started = not started
status-in-progress = in progress
status-passed = passed
status-not-yet-passed = not yet passed
passed-trying-again = passed, new try
own-progress = { $passed } of { $lessons } passed
ages = ages { $min }-{ $max }

## An answer that cannot be taken

answer-not-a-question = There is nothing to answer here.
answer-already-answered = You have answered this one already.
answer-no-such-choice = There is no choice number { $number }.
answer-pick-one = Pick one answer.
answer-pick-at-least-one = Pick at least one answer.
answer-own-message = Message { $number } is one you sent. Mark the other person's messages.
answer-no-such-message = There is no message number { $number }.
move-first = Use ↑↓ to move to one first, or press its number.
chat-nothing-marked = You marked no messages: is that your answer? Press y for yes, or mark the warning signs first.
nothing-ticked = Nothing is ticked yet. Press the numbers 1-{ $choices } to tick every right answer, then Enter.
nothing-chosen = Choose an answer first: press a number from 1 to { $choices }, or use ↑↓, then Enter.

## The name screen and the teacher PIN

is-this-you = Is this you? { $name }
is-this-you-keys = Press y if it is you, n if you are someone new, or Esc to change what you typed.
wrong-pin = That is not the teacher PIN.

## The end of a lesson

score-passed = You scored { $percent }%. You passed! (The pass mark is { $pass }%.)
score-not-yet-passed = You scored { $percent }%. Not yet passed: the pass mark is { $pass }%. You can try again.

## Words with a meaning to look up

no-glossary-words = This step has no words with a meaning to look up.
no-meaning-yet = No meaning has been written for this word yet. Ask your teacher.

## The plain mode: a lesson line by line
# A message ending in a colon is put before a line of the lesson.

plain-lesson-for = { $lesson }, for { $name }
plain-resumed = Carrying on where you stopped: step { $step } of { $steps }.
plain-lesson-changed = This lesson has changed since you last opened it, so it starts again from the beginning.
plain-how-to-stop = Type q and Enter at any time to stop; your progress is saved.
plain-page = Page, step { $step } of { $steps }:
plain-enter-or-back = Press Enter to go on, or b and Enter to go back.
plain-question = Question { $number } of { $questions }:
plain-ask-multiple = Pick every right answer: type their numbers with spaces, like 1 3.
plain-ask-single = Type the number of your answer.
plain-ask-hint = Type h for a hint.
plain-ask-back = Type b to go back.
plain-chat = Chat, question { $number } of { $questions }:
# Who sent a chat message that the child sent.
plain-you = You
plain-ask-chat = Which messages are warning signs? Type their numbers with spaces, like 1 3, or 0 for none. Type b to go back.
plain-already-answered = You have answered this one already:
plain-words = Words:
plain-words-list = { $words } (type g for what they mean)
plain-hint = Hint:
plain-no-hint = There is no hint for this one.
plain-nothing-typed = Nothing was chosen. Type the number of your answer, then press Enter.
plain-numbers-only = Type numbers only, like 2 or 1 3.
plain-finished = Lesson finished:
plain-look-again = { $count ->
    [one] Question to look at again:
   *[other] Questions to look at again:
}
plain-question-number = Question { $number }:
plain-saved-now = Your progress is saved now.
plain-not-saved = Your progress could not be saved just now. Carry on: your answers are kept here, and Mehfooz tries again to save them after each answer.
plain-why = Why:
plain-not-saved-at-end = Your answers in this run could not be saved. Tell your teacher.
plain-teacher-cleared = Your teacher has cleared your progress in this lesson, so it starts again from the beginning.
plain-stopped-cleared = Stopped. Your teacher has cleared your progress in this lesson; run the same command to start it again.
plain-stopped = Stopped. Your progress is saved; run the same command to carry on.

## Errors a child can meet when starting a lesson

play-no-such-lesson = there is no lesson with the id "{ $id }"; `mehfooz list` shows the ids.
play-did-you-mean = { $count ->
    [one] Did you mean { $ids }?
   *[other] Did you mean one of: { $ids }?
}
play-empty-name = the student's name is empty

## The terminal app: the window

window-too-small = Please make the window bigger.
window-size = Mehfooz needs at least { $min_width } x { $min_height }; this one is { $width } x { $height }.

## The terminal app: the name screen

name-welcome = Assalam-o-alaikum! Welcome to Mehfooz.
name-about = Short lessons about staying safe online.
name-who = Who is learning today?
# Beside each name in the list.
name-student-progress = { $lessons ->
    [one] { $passed } of 1 lesson passed
   *[other] { $passed } of { $lessons } lessons passed
}
name-i-am-new = I am new: type my name
name-type = Type your name or nickname, then press Enter:
name-what-is-saved = Only your name is saved, on this computer, with your lesson scores.
name-type-first = Type your name or nickname first.
pin-prompt = Teacher PIN, then Enter:

## The terminal app: the lesson list

lessons-you = You: { $passed } of { $lessons } passed
lessons-all-ages = all ages
lessons-showing = Showing: { $ages }  (press a to change)
lessons-for = Lessons for { $name }
lessons-none-for-age = No lessons for this age. Press a to see others.
lessons-best-score = Best score: { $percent }%
lessons-facts = { $questions ->
    [one] 1 question, about { $minutes } minutes, pass mark { $pass }%.
   *[other] { $questions } questions, about { $minutes } minutes, pass mark { $pass }%.
}
lessons-broken-files = { $count ->
    [one] 1 lesson file could not be loaded: a teacher can run `mehfooz check`.
   *[other] { $count } lesson files could not be loaded: a teacher can run `mehfooz check`.
}
lesson-files-broken = { $count ->
    [one] 1 lesson file could not be loaded. Run `{ $command }` to see why.
   *[other] { $count } lesson files could not be loaded. Run `{ $command }` to see why.
}
progress-files-unreadable = { $count ->
    [one] 1 progress file in { $folder } could not be read; it is left as it is.
   *[other] { $count } progress files in { $folder } could not be read; they are left as they are.
}

## The terminal app: a lesson

welcome-back = Welcome back! Carrying on at step { $step } of { $steps }.
lesson-changed = This lesson has changed since you last opened it, so it starts again.
lesson-cleared-by-teacher = Your teacher has cleared your progress in this lesson, so it starts again from the beginning.
progress-not-saved = Progress could not be saved: { $why }
# Why a child's progress could not be read or saved: the child sees these (in the app
# and the plain mode), the teacher's commands show the English. The file and folder
# names are for the teacher. { $problem } is one of the store-problem- messages.
store-set-aside = The progress file { $file } could not be read ({ $why }). It was kept as { $kept } and a new one was started.
store-why-cannot-read = the computer would not open it: { $problem }
store-why-damaged = it is damaged or cut short, at line { $line }, column { $column }
store-why-newer = it was saved by a newer version of Mehfooz (format { $version })
store-why-name-control = the name in it has control characters
store-error-file = { $file }: { $problem }
store-error-newer = { $file } was saved by a newer version of Mehfooz (format { $version }); update Mehfooz to use it. The file was not changed.
store-error-cannot-write = progress cannot be saved in the data folder { $folder }: it is read-only, or this user may not write there ({ $problem }). Ask whoever looks after this computer to allow writing there, or use another folder with --data-dir or the MEHFOOZ_DATA_DIR setting.
store-error-busy = another copy of Mehfooz has been saving { $name }'s progress for { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
} and has not finished, so nothing was changed. Close the other copy, or try again in a minute (on a shared network folder, another computer may be slow).
store-error-stopped-waiting = stopped waiting for another copy of Mehfooz that is saving { $name }'s progress; nothing was changed.
store-waiting = Waiting for another copy of Mehfooz that is saving { $name }... (up to { $seconds } seconds)
store-cannot-use-folder = cannot use the data folder: { $why }
store-problem-not-allowed = this user may not use it
store-problem-disk-full = the disk is full
store-problem-not-found = it is not there
store-problem-read-only = the disk can only be read
store-problem-other = system error { $code }
player-step = step { $step } of { $steps }
player-finished = finished
player-question = Question { $number } of { $questions }
player-chat = Question { $number } of { $questions }: a pretend chat
player-tick-every = Tick every right answer.
player-true-or-false = True or false?
# Put before a question's hint.
player-hint = Hint:
no-hint = There is no hint for this one.
# Who sent a chat message that the child sent.
player-you = You:
player-mark-warning-signs = Mark every message that is a warning sign, then press Enter.
verdict-partly-with-score = Partly right. ({ $percent }% of this one)
player-enter-to-go-on = Press Enter to go on.
summary-finished = Lesson finished!
summary-score = Score: { $bar } { $percent }%
summary-all-right = You got every question right. Well done!
summary-look-again = { $count ->
    [one] Question to look at again:
   *[other] Questions to look at again:
}
summary-keys = Press Enter for the lessons, or r to try again.
words-title = What the words mean
words-go-back = Press g, q or Esc to go back.
waiting-for-save = Esc stops waiting. Waiting for another copy of Mehfooz that is saving { $name }... (up to { $seconds } seconds)

## The terminal app: the ? help

help-title = Help
help-get-help-now = Get help now
help-lines-for = Help lines: { $region }
help-keys = Keys
list-separator = {", "}
more-below = ↓ more
minutes-short = { $minutes }m
help-saved-as-you-go = Your answers are saved as you go.
# Only a teacher's preview shows where a help line comes from: teacher-only.
teacher-help-line-confirmed = Last confirmed { $date } ({ $source }).
teacher-help-line-unconfirmed = Source: { $source }. Date not known: check before calling.

## The terminal app: what each key does (footer and help)

key-help = help
key-stop = stop
key-back = back
key-hint = hint
key-answer = answer
key-choose = choose
key-scroll = scroll
key-same-as-up-down = same as ↑ ↓
key-same-as-down = same as ↓
key-scroll-page = scroll a screenful
key-quit-now = quit at once
key-close = close
key-start = start
key-ages = ages
key-next = next
key-back-a-step = back a step
key-tick = tick
key-move-tick = move, tick
key-mark = mark
key-move-mark = move, mark
key-yes-none = yes, none
key-lessons = lessons
key-try-again = try again
key-word-meanings = word meanings
key-thats-me = that's me
key-new-name = new name
key-teacher = teacher
key-quit = quit
key-done = done
key-cancel = cancel
key-open = open
key-yes-thats-me = yes, that's me
key-no-new = no, I'm new
key-change-name = change the name
key-language = language
key-use-language = use this language

## The terminal app: the screens, as the ? help lists their keys

keys-choosing-name = choosing your name
keys-typing-name = typing a new name
keys-teacher-pin = the teacher PIN
keys-is-this-you = "Is this you?"
keys-choosing-lesson = choosing a lesson
keys-page = a page
keys-single = a question with one answer
keys-multiple = a question with several answers
keys-chat = a pretend chat
keys-chat-none-marked = a chat with nothing marked
keys-feedback = after answering
keys-summary = the summary
keys-underlined-words = a step with underlined words
keys-word-meanings = the word meanings
keys-help = help
keys-teacher-view = the teacher view
keys-everywhere = everywhere
keys-any-step = any step of a lesson
keys-language = choosing a language

## The terminal app: the language picker

language-title = Language

## The teacher view and the lesson preview: teacher-only
# Every message whose id starts with `teacher-` is shown only to a teacher. The teacher's
# screens stay English for now: another language's file need not have these (a missing
# one is said in English).

teacher-key-students = students
teacher-header = Teacher
teacher-class = { $students ->
    [one] How the class is doing: 1 student
   *[other] How the class is doing: { $students } students
}
teacher-student = STUDENT
teacher-passed = PASSED
# The heading of the column that says which languages each student took lessons in.
teacher-languages = LANGUAGES
teacher-legend = 85%* best score, passed · 40% not yet passed · ... in progress · - not started
teacher-missed-most = Questions the class missed most
# A lesson under the table: its number, its title, and its languages with each
# translation's review status.
teacher-lesson-languages = L{ $number } { $title } [{ $languages }]
teacher-none-missed = No question has been missed yet.
teacher-missed-count = { $number }. { $missed } of { $answered } missed:
teacher-most-chose = {" "}(most chose: { $text })
teacher-flag-missed = {" "}(red flag most often missed: { $text })
teacher-harmless-marked = {" "}(harmless message most often marked: { $text })
teacher-preview-header = Preview
teacher-preview-cannot-show = { $file } cannot be shown yet: fix these problems.
teacher-preview-updates-itself = Save the file and this screen updates by itself.
teacher-preview-problems = Problems
teacher-preview-nothing-saved = Preview: nothing is saved. q ends the preview.
teacher-preview-reloaded-start = Reloaded from the start. Nothing is saved in a preview.
teacher-preview-reloaded-at = Reloaded: carrying on at step { $step }. Nothing is saved in a preview.
