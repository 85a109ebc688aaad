// cbor-x asks for its native decoder in a try/catch and uses its JavaScript one when the
// answer is empty: this package is that empty answer (see package.json's description).
module.exports = null;
