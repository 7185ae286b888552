const learningRate = 0.1;
