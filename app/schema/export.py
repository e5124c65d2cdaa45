"""Print the schema as SDL: `python -m app.schema.export > schema.graphql`."""

from app.schema import schema


def sdl() -> str:
    return schema.as_str() + "\n"


if __name__ == "__main__":
    print(sdl(), end="")
