// Cleans the file named on the command line and prints the text and title.
#include <fstream>
#include <iostream>
#include <sstream>

#include <newsclean/cleaner.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  const newsclean::Result r = newsclean::Cleaner().clean(buf.str());
  std::cout << r.text << "\n";
  std::cerr << "title: " << r.title << "\n";
  return r.title.empty() ? 1 : 0;
}
