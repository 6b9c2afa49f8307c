/* Closes the function that carta-begin.js opened. */
})();
