"""Loaded by every Python process of the test LRS (it is on PYTHONPATH there only).

Ralph's file-system backend, the one that needs no database, creates its statements
file on the first write and refuses every later write ("already exists and overwrite is
not allowed with operation_type create or index"), so only the first POST of new
statements would ever be stored. Its other backends (ClickHouse, Elasticsearch, MongoDB)
add to what they hold; appending to the file makes the test LRS behave like them.
"""

try:
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.data.fs import FSDataBackend

    FSDataBackend.default_operation_type = BaseOperationType.APPEND
except ImportError:
    pass
