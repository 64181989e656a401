# A teacher's own message file, beside their lessons: a language the program lacks.
language-name = سنڌي
plain-how-to-stop = روڪڻ لاءِ q لکو ۽ Enter دٻايو.
