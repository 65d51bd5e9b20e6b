"""Cleans JSON lines documents with newsclean in a datatrove pipeline.

    python examples/datatrove_clean.py examples/data cleaned/ --rules examples/site-rules.yaml

Reads {"id", "text", "url"} records from every *.jsonl file under the input
folder and writes the cleaned documents as JSON lines, with what newsclean
found in their metadata (newsclean_title, newsclean_section, ...,
newsclean_removed); stats go to the logs folder.
"""

import argparse

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from newsclean.datatrove import NewscleanFormatter


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="folder of JSON lines files")
    parser.add_argument("output", help="folder for the cleaned JSON lines")
    parser.add_argument("--rules", help="a newsclean rules YAML file")
    parser.add_argument("--tasks", type=int, default=2)
    parser.add_argument("--logs", default="logs/newsclean", help="datatrove's logging folder")
    args = parser.parse_args(argv)

    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(args.input, glob_pattern="*.jsonl"),
            NewscleanFormatter(rules=args.rules),   # the URL comes from metadata["url"]
            JsonlWriter(args.output),
        ],
        tasks=args.tasks,
        logging_dir=args.logs,
        skip_completed=False,
    )
    executor.run()


if __name__ == "__main__":
    main()
