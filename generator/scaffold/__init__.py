"""`python -m generator new`: start a new target file, checked before it is written.

Every field comes from a flag or, when the flag is missing, from a question (with --no-input a
missing flag is a usage error instead). Each answer is checked as it is given (sections,
themes and counties are listed with their Chinese names, and may be answered with them); a
wrong one is asked again, alone, and every other answer is kept. The file is then built in
memory, added to the content as it is on disk and run through the same validator as
`validate`; a field the validator still refuses is asked again too (with --no-input every
problem is listed and nothing is written). The file is written only when nothing is wrong, and
never over an existing file. Its comments explain each field in Chinese and English, taken
from the docs in spec.py, so they cannot drift from what is checked; its `updates:` is ready
for the first update the way docs/staff-guide.md says to add one.

    known.py     what the answers are checked against, and answers turned into values
    answers.py   the check of each answer
    form.py      the questions, asked again while wrong
    filetext.py  the file's text
    command.py   the command: gather, validate the whole content, write
"""

from generator.scaffold.command import check_new, new_command
from generator.scaffold.filetext import SCHEMA_LINE, comment, render, scalar

__all__ = ["SCHEMA_LINE", "check_new", "comment", "new_command", "render", "scalar"]
