"""A small REST API. Tessera tells it where to listen with HOST, PORT and URL_PREFIX."""
import os

from flask import Flask, jsonify, request

prefix = os.environ.get("URL_PREFIX", "").rstrip("/")
app = Flask(__name__)


@app.route(prefix + "/")
def index():
    return jsonify(message=os.environ.get("GREETING", "Hello"))


@app.route(prefix + "/predict", methods=["POST"])
def predict():
    values = (request.get_json(silent=True) or {}).get("values", [])
    return jsonify(sum=sum(values), count=len(values))


if __name__ == "__main__":
    app.run(host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8086")))
