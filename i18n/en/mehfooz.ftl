# Mehfooz: the words the app says to a child, in English.
#
# English is the source: every other language's file (i18n/LANG/mehfooz.ftl) has the same
# message ids, and any message it lacks is said in English instead.
# The teacher commands (check, report, import, new, pin, reset, sync) stay English for
# now: their words are in the code, not in these files.
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
