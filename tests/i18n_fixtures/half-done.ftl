# A language file a translator has only begun: most messages are still to write.
language-name = Half done
verdict-correct = Shabash!
# Names a value the app never gives, so it cannot be formatted.
verdict-not-quite = Not { $nothing } quite
