"""Cleans the text column of a JSON lines or Parquet dataset with newsclean on Spark.

    spark-submit examples/spark_clean.py examples/data/articles.jsonl cleaned/ \
        --rules examples/site-rules.yaml

Writes Parquet with five new columns: clean_text, title, section, removed, and
newsclean (a struct with every field of the Result: author, published, language,
canonical_url, captions, removed blocks with their rules, stats, ...).
The rules file is read once, on the driver, and travels with the job as text;
every executor needs newsclean installed (pip, or a packed environment passed
with --archives), not the rules file.
"""

import argparse

from pyspark.sql import SparkSession

from newsclean.spark import clean_column


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="JSON lines file(s) or a Parquet dataset (*.parquet)")
    parser.add_argument("output", help="folder for the cleaned Parquet dataset")
    parser.add_argument("--rules", help="a newsclean rules YAML file (read on the driver)")
    parser.add_argument("--text-col", default="text")
    parser.add_argument("--url-col", default="url", help="used when the input has it")
    args = parser.parse_args(argv)

    spark = SparkSession.builder.appName("newsclean").getOrCreate()
    read = spark.read.parquet if args.input.endswith(".parquet") else spark.read.json
    df = read(args.input)
    df = clean_column(
        df, args.text_col, "clean_text",
        url_col=args.url_col if args.url_col in df.columns else None,
        rules=args.rules,
        title_col="title", section_col="section", removed_col="removed",
        result_col="newsclean",
    )
    df.write.mode("overwrite").parquet(args.output)
    print(f"cleaned {spark.read.parquet(args.output).count()} documents into {args.output}")
    spark.stop()


if __name__ == "__main__":
    main()
